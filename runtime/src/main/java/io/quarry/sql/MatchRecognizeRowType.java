package io.quarry.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlMatchRecognize;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * The columns of a MATCH_RECOGNIZE as Trino has them. Calcite puts ALL ROWS PER MATCH's measures after every input
 * column; Trino shows the partition keys, the order keys (a column that is both, or twice an order key, shows as
 * many times), the measures, then the other input columns. CLASSIFIER()
 * is an unbounded varchar in Trino, and so are the expressions over it that Calcite makes a varchar(2000).
 */
final class MatchRecognizeRowType {
    /** What tells apart the names of a column shown again (a key of both PARTITION BY and ORDER BY): {@code p$repeated1}. */
    private static final String REPEATED = "$repeated";
    /** The length of Calcite's CLASSIFIER(), where Trino's is unbounded. */
    private static final int CALCITE_CLASSIFIER_LENGTH = 2000;

    private MatchRecognizeRowType() {}

    /** What makes a measure's alias unique to Calcite, which refuses two alike or one like an input column: {@code m$measure0}. */
    private static final String MEASURE = "$measure";

    /**
     * Gives each measure an alias of its own ({@link #MEASURE}), as Trino takes two measures of one name and, under
     * ALL ROWS PER MATCH, a measure named like an input column; {@link #of} shows the written names again.
     */
    static void numberMeasures(SqlMatchRecognize match) {
        SqlNodeList measures = match.getMeasureList();
        for (int i = 0; i < measures.size(); i++) {
            if (measures.get(i) instanceof SqlBasicCall as && as.getKind() == SqlKind.AS
                    && as.operand(1) instanceof SqlIdentifier alias && alias.isSimple()) {
                as.setOperand(1, new SqlIdentifier(alias.getSimple() + MEASURE + i, alias.getParserPosition()));
            }
        }
    }

    /** Whether the input column is one that carries the value of a sub-query of MEASURES or DEFINE. */
    static boolean isHoisted(String name) {
        return name.startsWith(MatchRecognizeSyntax.HOISTED) && name.substring(MatchRecognizeSyntax.HOISTED.length()).matches("\\d+");
    }

    /** The name Trino shows for a column of a MATCH_RECOGNIZE named {@code name} here. */
    static String shownName(String name) {
        int repeated = name.indexOf(REPEATED);
        return repeated < 0 ? name : name.substring(0, repeated);
    }

    static RelDataType of(SqlMatchRecognize match, RelDataType calciteType, RelDataTypeFactory typeFactory) {
        List<RelDataTypeField> fields = calciteType.getFieldList();
        int measureCount = match.getMeasureList().size();
        int firstMeasure = fields.size() - measureCount;
        boolean allRows = match.getRowsPerMatch() != null
                && match.getRowsPerMatch().getValue() == SqlMatchRecognize.RowsPerMatchOption.ALL_ROWS;
        List<RelDataTypeField> ordered = new ArrayList<>();
        if (allRows) {
            List<RelDataTypeField> inputFields = fields.subList(0, firstMeasure);
            List<RelDataTypeField> keys = new ArrayList<>();
            for (SqlNode key : match.getPartitionList()) {
                keys.add(field(inputFields, key));
            }
            for (SqlNode key : match.getOrderList()) {
                keys.add(field(inputFields, key));
            }
            ordered.addAll(keys);
            ordered.addAll(fields.subList(firstMeasure, fields.size()));
            // but the values of sub-queries of MEASURES and DEFINE, which the input carries last (MatchRecognizeSyntax)
            inputFields.stream().filter(field -> !keys.contains(field) && !isHoisted(field.getName())).forEach(ordered::add);
        } else {
            // the partition keys and the measures (Calcite shows the partition key twice when there are no measures)
            ordered.addAll(fields.subList(0, Math.min(match.getPartitionList().size(), firstMeasure)));
            ordered.addAll(fields.subList(firstMeasure, fields.size()));
        }
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        Set<String> names = new HashSet<>();
        for (RelDataTypeField field : ordered) {
            int measure = fields.indexOf(field) - firstMeasure;
            String written = measure >= 0 && field.getName().contains(MEASURE)
                    ? field.getName().substring(0, field.getName().lastIndexOf(MEASURE))
                    : field.getName();
            String name = written;
            for (int copy = 1; !names.add(name.toLowerCase(Locale.ROOT)); copy++) {
                name = written + REPEATED + copy;
            }
            RelDataType type = field.getType();
            if (measure >= 0 && (isClassifier(match.getMeasureList().get(measure))
                    || type.getSqlTypeName() == SqlTypeName.VARCHAR && type.getPrecision() == CALCITE_CLASSIFIER_LENGTH
                    && readsClassifier(match.getMeasureList().get(measure)))) {
                type = typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.VARCHAR), true);
            } else if (measure >= 0) {
                // a navigation may leave the match and a match may be empty: no measure is sure to have a value
                type = typeFactory.createTypeWithNullability(type, true);
            }
            builder.add(name, type);
        }
        return builder.build();
    }

    /** The input column a PARTITION BY or ORDER BY item names (an ORDER BY item may be in DESC or NULLS FIRST or LAST). */
    private static RelDataTypeField field(List<RelDataTypeField> inputFields, SqlNode key) {
        SqlNode node = key;
        while (node instanceof SqlBasicCall call) {
            node = call.operand(0);
        }
        String name = ((SqlIdentifier) node).names.get(((SqlIdentifier) node).names.size() - 1);
        return inputFields.stream().filter(field -> field.getName().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no input column " + name));
    }

    /** Whether a measure reads CLASSIFIER() outside an aggregate: its varchar(2000) (lower(CLASSIFIER())) comes from there. */
    private static boolean readsClassifier(SqlNode measure) {
        boolean[] found = {false};
        measure.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                found[0] |= call.getKind() == SqlKind.CLASSIFIER;
                return call.getOperator() instanceof SqlAggFunction ? null : super.visit(call);
            }
        });
        return found[0];
    }

    private static boolean isClassifier(SqlNode measure) {
        SqlNode node = measure;
        while (node instanceof SqlBasicCall call
                && (call.getKind() == SqlKind.AS || call.getKind() == SqlKind.RUNNING || call.getKind() == SqlKind.FINAL)) {
            node = call.operand(0);
        }
        return node.getKind() == SqlKind.CLASSIFIER;
    }
}
