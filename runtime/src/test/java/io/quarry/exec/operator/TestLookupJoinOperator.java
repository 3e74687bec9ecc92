package io.quarry.exec.operator;

import static io.quarry.exec.operator.OperatorAssertions.page;
import static io.quarry.exec.operator.OperatorAssertions.row;
import static io.quarry.exec.operator.OperatorAssertions.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.exec.expression.BlockEvaluator;
import io.quarry.exec.expression.ExpressionCompiler;
import io.quarry.page.Page;
import io.quarry.plan.JoinType;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.InputRef;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hash join's build and probe operators for every join type, with NULL keys, a filter and no keys. */
class TestLookupJoinOperator {
    private static final List<Type> PROBE = List.of(Types.BIGINT, Types.VARCHAR);
    private static final List<Type> BUILD = List.of(Types.BIGINT, Types.BIGINT);

    private static Page probePage() {
        return page(PROBE, row(1L, "a"), row(2L, "b"), row(3L, "c"), row(null, "d"));
    }

    private static Page buildPage() {
        return page(BUILD, row(1L, 10L), row(1L, 11L), row(3L, 30L), row(4L, 40L), row(null, 50L));
    }

    private static JoinBridge built(List<Page> pages, int[] keys, boolean nullSafe, boolean trackVisited) {
        JoinBridge bridge = new JoinBridge();
        HashBuildOperator build = new HashBuildOperator(BUILD, keys, keys.length == 0 ? new boolean[0] : new boolean[] {nullSafe},
                trackVisited, bridge);
        for (Page page : pages) {
            build.addInput(page);
        }
        build.finish();
        assertThat(build.isFinished()).isTrue();
        assertThat(bridge.whenBuilt()).isDone();
        return bridge;
    }

    private static List<List<Object>> join(JoinType type, BlockEvaluator filter, boolean nullSafe, List<Page> build) {
        JoinBridge bridge = built(build, new int[] {0}, nullSafe, type.keepsUnmatchedRight());
        LookupJoinOperator operator = new LookupJoinOperator(type, PROBE, BUILD, new int[] {0}, filter, bridge);
        List<Type> output = new ArrayList<>(PROBE);
        if (type.outputsRight()) {
            output.addAll(BUILD);
        } else if (type == JoinType.MARK) {
            output.add(Types.BOOLEAN);
        }
        return run(operator, output, probePage());
    }

    private static List<Object> values(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    void innerJoinMatchesEveryBuildRowOfAKey() {
        assertThat(join(JoinType.INNER, null, false, List.of(buildPage()))).containsExactlyInAnyOrder(
                values(1L, "a", 1L, 10L), values(1L, "a", 1L, 11L), values(3L, "c", 3L, 30L));
    }

    @Test
    void nullSafeKeysMatchNull() {
        assertThat(join(JoinType.INNER, null, true, List.of(buildPage()))).contains(values(null, "d", null, 50L)).hasSize(4);
    }

    @Test
    void outerJoinsPadTheUnmatchedSide() {
        assertThat(join(JoinType.LEFT, null, false, List.of(buildPage()))).containsExactlyInAnyOrder(
                values(1L, "a", 1L, 10L), values(1L, "a", 1L, 11L), values(3L, "c", 3L, 30L),
                values(2L, "b", null, null), values(null, "d", null, null));
        assertThat(join(JoinType.RIGHT, null, false, List.of(buildPage()))).containsExactlyInAnyOrder(
                values(1L, "a", 1L, 10L), values(1L, "a", 1L, 11L), values(3L, "c", 3L, 30L),
                values(null, null, 4L, 40L), values(null, null, null, 50L));
        assertThat(join(JoinType.FULL, null, false, List.of(buildPage()))).hasSize(7)
                .contains(values(2L, "b", null, null), values(null, null, 4L, 40L));
    }

    @Test
    void filterDecidesWhichCandidatesMatch() {
        // build value (channel 3) greater than 10
        BlockEvaluator filter = ExpressionCompiler.compile(new Call("greater_than",
                List.of(new InputRef(3, Types.BIGINT), new io.quarry.plan.expression.Constant(10L, Types.BIGINT)), Types.BOOLEAN));
        assertThat(join(JoinType.LEFT, filter, false, List.of(buildPage()))).containsExactlyInAnyOrder(
                values(1L, "a", 1L, 11L), values(3L, "c", 3L, 30L), values(2L, "b", null, null), values(null, "d", null, null));
        assertThat(join(JoinType.SEMI, filter, false, List.of(buildPage()))).containsExactlyInAnyOrder(
                values(1L, "a"), values(3L, "c"));
        assertThat(join(JoinType.ANTI, filter, false, List.of(buildPage()))).containsExactlyInAnyOrder(
                values(2L, "b"), values(null, "d"));
    }

    @Test
    void semiAndAntiJoinsKeepProbeRows() {
        assertThat(join(JoinType.SEMI, null, false, List.of(buildPage()))).containsExactlyInAnyOrder(values(1L, "a"), values(3L, "c"));
        assertThat(join(JoinType.ANTI, null, false, List.of(buildPage()))).containsExactlyInAnyOrder(values(2L, "b"), values(null, "d"));
    }

    @Test
    void markIsUnknownWithNullKeys() {
        // the build side has a NULL key: no match means unknown
        assertThat(join(JoinType.MARK, null, false, List.of(buildPage()))).containsExactlyInAnyOrder(
                values(1L, "a", true), values(2L, "b", null), values(3L, "c", true), values(null, "d", null));
        Page noNulls = page(BUILD, row(1L, 10L));
        assertThat(join(JoinType.MARK, null, false, List.of(noNulls))).containsExactlyInAnyOrder(
                values(1L, "a", true), values(2L, "b", false), values(3L, "c", false), values(null, "d", null));
        assertThat(join(JoinType.MARK, null, false, List.of())).containsExactlyInAnyOrder(
                values(1L, "a", false), values(2L, "b", false), values(3L, "c", false), values(null, "d", false));
    }

    @Test
    void withoutKeysEveryPairIsACandidate() {
        JoinBridge bridge = built(List.of(buildPage()), new int[0], false, false);
        LookupJoinOperator operator = new LookupJoinOperator(JoinType.INNER, PROBE, BUILD, new int[0], null, bridge);
        List<Type> output = new ArrayList<>(PROBE);
        output.addAll(BUILD);
        assertThat(run(operator, output, probePage())).hasSize(20);
    }

    @Test
    void probeWaitsForTheBuildSide() {
        JoinBridge bridge = new JoinBridge();
        LookupJoinOperator operator = new LookupJoinOperator(JoinType.INNER, PROBE, BUILD, new int[] {0}, null, bridge);
        assertThat(operator.isBlocked()).isNotDone();
        assertThat(operator.needsInput()).isFalse();
        HashBuildOperator build = new HashBuildOperator(BUILD, new int[] {0}, new boolean[] {false}, false, bridge);
        build.addInput(buildPage());
        build.finish();
        assertThat(operator.isBlocked()).isDone();
        assertThat(operator.needsInput()).isTrue();
    }

    @Test
    void manyMatchesComeInSeveralPages() {
        int rows = 3 * OutputPages.MAX_ROWS;
        Object[][] buildRows = new Object[rows][];
        for (int i = 0; i < rows; i++) {
            buildRows[i] = row(1L, (long) i);
        }
        JoinBridge bridge = built(List.of(page(BUILD, buildRows)), new int[] {0}, false, false);
        LookupJoinOperator operator = new LookupJoinOperator(JoinType.INNER, PROBE, BUILD, new int[] {0}, null, bridge);
        List<Type> output = new ArrayList<>(PROBE);
        output.addAll(BUILD);
        assertThat(run(operator, output, page(PROBE, row(1L, "x"), row(1L, "y")))).hasSize(2 * rows);
    }
}
