package io.quarry.type;

import java.util.Locale;

/** The instances of the parameterless types, and parsing of type names. */
public final class Types {
    public static final BooleanType BOOLEAN = new BooleanType();
    public static final TinyintType TINYINT = new TinyintType();
    public static final SmallintType SMALLINT = new SmallintType();
    public static final IntegerType INTEGER = new IntegerType();
    public static final BigintType BIGINT = new BigintType();
    public static final RealType REAL = new RealType();
    public static final DoubleType DOUBLE = new DoubleType();
    public static final VarbinaryType VARBINARY = new VarbinaryType();
    public static final DateType DATE = new DateType();
    public static final UnknownType UNKNOWN = new UnknownType();
    public static final JsonType JSON = new JsonType();
    public static final UuidType UUID = new UuidType();
    public static final IpAddressType IPADDRESS = new IpAddressType();
    public static final ColorType COLOR = new ColorType();
    public static final HyperLogLogType HYPER_LOG_LOG = new HyperLogLogType(false);
    public static final HyperLogLogType P4_HYPER_LOG_LOG = new HyperLogLogType(true);
    public static final SetDigestType SET_DIGEST = new SetDigestType();
    public static final TDigestType TDIGEST = new TDigestType();
    public static final VarcharType VARCHAR = new VarcharType(VarcharType.UNBOUNDED_LENGTH);

    private Types() {}

    public static VarcharType varchar(int length) {
        return new VarcharType(length);
    }

    public static DecimalType decimal(int precision, int scale) {
        return new DecimalType(precision, scale);
    }

    /**
     * Parses a type name as the protocol prints it ({@code varchar(25)}, {@code decimal(12, 2)},
     * {@code map(varchar, array(integer))}, {@code row(id integer, label varchar)}).
     */
    public static Type parse(String name) {
        if (StructuralTypeNames.isStructural(name)) {
            return StructuralTypeNames.parse(name);
        }
        String text = name.replace(" ", "").toLowerCase(Locale.ROOT);
        Type temporal = TemporalTypes.parse(text);
        if (temporal != null) {
            return temporal;
        }
        int open = text.indexOf('(');
        String base = open < 0 ? text : text.substring(0, open);
        String[] args = open < 0 || !text.endsWith(")")
                ? new String[0]
                : text.substring(open + 1, text.length() - 1).split(",");
        try {
            return switch (base) {
                case "boolean" -> BOOLEAN;
                case "tinyint" -> TINYINT;
                case "smallint" -> SMALLINT;
                case "integer", "int" -> INTEGER;
                case "bigint" -> BIGINT;
                case "real" -> REAL;
                case "double" -> DOUBLE;
                case "varbinary" -> VARBINARY;
                case "date" -> DATE;
                case "unknown" -> UNKNOWN;
                case "json" -> JSON;
                case "uuid" -> UUID;
                case "ipaddress" -> IPADDRESS;
                case "color" -> COLOR;
                case "hyperloglog" -> HYPER_LOG_LOG;
                case "p4hyperloglog" -> P4_HYPER_LOG_LOG;
                case "setdigest" -> SET_DIGEST;
                case "tdigest" -> TDIGEST;
                case "qdigest" -> {
                    if (args.length != 1) {
                        throw new IllegalArgumentException("Malformed type: " + name);
                    }
                    yield new QuantileDigestType(parse(args[0]));
                }
                case "varchar" -> args.length == 0 ? VARCHAR : varchar(Integer.parseInt(args[0]));
                case "char" -> new CharType(args.length == 0 ? 1 : Integer.parseInt(args[0]));
                case "decimal" -> args.length == 0
                        ? decimal(38, 0)
                        : decimal(Integer.parseInt(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 0);
                default -> throw new IllegalArgumentException("Unknown type: " + name);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Malformed type: " + name, e);
        }
    }
}
