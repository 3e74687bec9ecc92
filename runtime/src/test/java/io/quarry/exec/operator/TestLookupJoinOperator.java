package io.quarry.exec.operator;

import static io.quarry.exec.operator.OperatorAssertions.page;
import static io.quarry.exec.operator.OperatorAssertions.row;
import static io.quarry.exec.operator.OperatorAssertions.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.exec.expression.BlockEvaluator;
import io.quarry.exec.expression.ExpressionCompiler;
import io.quarry.block.DictionaryBlock;
import io.quarry.block.RunLengthBlock;
import io.quarry.page.EncodedPages;
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

    /** The probe page of {@link #probePage}'s rows (and more) with both columns dictionary-encoded. */
    private static Page encodedProbePage() {
        Page dictionary = probePage();
        // rows: 3 c, 1 a, 2 b, null d, 1 a, 3 c (each column its own dictionary of the four rows)
        int[] ids = {2, 0, 1, 3, 0, 2};
        return new Page(ids.length, new DictionaryBlock(dictionary.block(0), ids.clone(), ids.length),
                new DictionaryBlock(dictionary.block(1), ids.clone(), ids.length));
    }

    @Test
    void anEncodedProbeKeyIsLookedUpPerEntryAndTheOtherColumnsStayEncoded() {
        Page encoded = encodedProbePage();
        Page flat = EncodedPages.flatten(encoded);
        for (JoinType type : List.of(JoinType.INNER, JoinType.LEFT, JoinType.RIGHT, JoinType.FULL, JoinType.SEMI,
                JoinType.ANTI, JoinType.MARK)) {
            List<Type> output = new ArrayList<>(PROBE);
            if (type.outputsRight()) {
                output.addAll(BUILD);
            } else if (type == JoinType.MARK) {
                output.add(Types.BOOLEAN);
            }
            LookupJoinOperator onEncoded = new LookupJoinOperator(type, PROBE, BUILD, new int[] {0}, null,
                    built(List.of(buildPage()), new int[] {0}, false, type.keepsUnmatchedRight()));
            assertThat(onEncoded.acceptsEncodedBlocks()).isTrue();
            LookupJoinOperator onFlat = new LookupJoinOperator(type, PROBE, BUILD, new int[] {0}, null,
                    built(List.of(buildPage()), new int[] {0}, false, type.keepsUnmatchedRight()));
            assertThat(run(onEncoded, output, encoded)).as(type.name()).containsExactlyInAnyOrderElementsOf(run(onFlat, output, flat));
        }
        LookupJoinOperator inner = new LookupJoinOperator(JoinType.INNER, PROBE, BUILD, new int[] {0}, null,
                built(List.of(buildPage()), new int[] {0}, false, false));
        assertThat(inner.needsInput()).isTrue();
        inner.addInput(encoded);
        Page joined = inner.getOutput();
        // 3 c, 1 a (twice), 1 a (twice), 3 c: the probe columns are ids into the same dictionaries
        assertThat(joined.positionCount()).isEqualTo(6);
        assertThat(joined.block(1)).isInstanceOf(DictionaryBlock.class);
        assertThat(((DictionaryBlock) joined.block(1)).dictionary()).isSameAs(((DictionaryBlock) encoded.block(1)).dictionary());
    }

    @Test
    void aRunLengthProbeKeyIsLookedUpOnce() {
        Page run = new Page(3, new RunLengthBlock(page(List.of(Types.BIGINT), row(1L)).block(0), 3),
                page(List.of(Types.VARCHAR), row("x"), row("y"), row("z")).block(0));
        LookupJoinOperator operator = new LookupJoinOperator(JoinType.INNER, PROBE, BUILD, new int[] {0}, null,
                built(List.of(buildPage()), new int[] {0}, false, false));
        List<Type> output = new ArrayList<>(PROBE);
        output.addAll(BUILD);
        assertThat(run(operator, output, run)).hasSize(6).contains(values(1L, "y", 1L, 11L));
        Page nullRun = new Page(2, RunLengthBlock.nullsOf(Types.BIGINT, 2),
                page(List.of(Types.VARCHAR), row("x"), row("y")).block(0));
        LookupJoinOperator mark = new LookupJoinOperator(JoinType.MARK, PROBE, BUILD, new int[] {0}, null,
                built(List.of(buildPage()), new int[] {0}, false, false));
        assertThat(run(mark, List.of(Types.BIGINT, Types.VARCHAR, Types.BOOLEAN), nullRun))
                .containsExactly(values(null, "x", null), values(null, "y", null));
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
