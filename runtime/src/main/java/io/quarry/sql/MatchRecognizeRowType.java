package io.quarry.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlMatchRecognize;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The columns of a MATCH_RECOGNIZE as Trino has them. Calcite puts ALL ROWS PER MATCH's measures after every input
 * column; Trino shows the partition keys, the order keys, the measures, then the other input columns. CLASSIFIER()
 * is an unbounded varchar in Trino.
 */
final class MatchRecognizeRowType {
    private MatchRecognizeRowType() {}

    static RelDataType of(SqlMatchRecognize match, RelDataType calciteType, RelDataTypeFactory typeFactory) {
        List<RelDataTypeField> fields = calciteType.getFieldList();
        int measureCount = match.getMeasureList().size();
        int firstMeasure = fields.size() - measureCount;
        boolean allRows = match.getRowsPerMatch() != null
                && match.getRowsPerMatch().getValue() == SqlMatchRecognize.RowsPerMatchOption.ALL_ROWS;
        List<RelDataTypeField> ordered = new ArrayList<>();
        if (allRows) {
            int keys = match.getPartitionList().size() + match.getOrderList().size();
            ordered.addAll(fields.subList(0, Math.min(keys, firstMeasure)));
            ordered.addAll(fields.subList(firstMeasure, fields.size()));
            ordered.addAll(fields.subList(Math.min(keys, firstMeasure), firstMeasure));
        } else {
            ordered.addAll(fields);
        }
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (RelDataTypeField field : ordered) {
            int measure = fields.indexOf(field) - firstMeasure;
            RelDataType type = field.getType();
            if (measure >= 0 && isClassifier(match.getMeasureList().get(measure))) {
                type = typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.VARCHAR), true);
            }
            builder.add(field.getName(), type);
        }
        return builder.build();
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
