package dev.camelneptune.stream;

import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The version rule: one long that orders positions as (commitNum, opNum) do, from neptune-export's snapshot up. */
class StreamPositionVersionTest {

    private static final long MAX_COMMIT = (1L << 39) - 2;
    private static final long MAX_OP = (1L << 24) - 1;

    @Test
    void versionsOrderPositionsExactlyAsCommitNumThenOpNumDo() {
        Random random = new Random(23);
        // small and large numbers, and the edges of the range, so that neighbours across a carry are compared too
        long[] commits = { -1, 0, 1, 2, 1207, MAX_COMMIT / 2, MAX_COMMIT - 1, MAX_COMMIT };
        long[] ops = { 0, 1, 2, 3, 65_535, 65_536, MAX_OP / 2, MAX_OP - 1, MAX_OP };
        List<StreamPosition> positions = new java.util.ArrayList<>();
        for (long commit : commits) {
            for (long op : ops) {
                positions.add(new StreamPosition(commit, op));
            }
        }
        for (int i = 0; i < 2_000; i++) {
            positions.add(new StreamPosition(
                    -1 + (long) (random.nextDouble() * (MAX_COMMIT + 2)),
                    (long) (random.nextDouble() * (MAX_OP + 1))));
        }
        Comparator<StreamPosition> byPosition = Comparator.comparingLong(StreamPosition::commitNum)
                .thenComparingLong(StreamPosition::opNum);

        for (StreamPosition a : positions) {
            for (StreamPosition b : positions.subList(0, 200)) {
                assertThat(Long.signum(Long.compare(a.version(), b.version())))
                        .as("%s vs %s", a, b).isEqualTo(Integer.signum(byPosition.compare(a, b)));
            }
        }
        List<StreamPosition> sorted = positions.stream().sorted(byPosition).toList();
        assertThat(positions.stream().sorted(Comparator.comparingLong(StreamPosition::version)).toList())
                .isEqualTo(sorted);
    }

    @Test
    void snapshotRecordsOfNeptuneExportSortBeforeEveryStreamRecordAndNoVersionIsNegative() {
        long snapshot = new StreamPosition(-1, 0).version();
        long firstStreamRecord = new StreamPosition(1, 1).version();

        assertThat(snapshot).isZero();
        assertThat(firstStreamRecord).isGreaterThan(snapshot).isEqualTo((2L << 24) + 1);
        assertThat(Stream.of(new StreamPosition(-1, 0), new StreamPosition(-1, MAX_OP), new StreamPosition(0, 0),
                new StreamPosition(MAX_COMMIT, MAX_OP)).mapToLong(StreamPosition::version))
                .allSatisfy(v -> assertThat(v).isNotNegative());
        // the whole range of positive longs, and no more
        assertThat(new StreamPosition(MAX_COMMIT, MAX_OP).version()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aPositionOutsideTheRangeHasNoVersionAndSaysWhy() {
        for (StreamPosition outside : List.of(new StreamPosition(-2, 0), new StreamPosition(MAX_COMMIT + 1, 0),
                new StreamPosition(Long.MAX_VALUE, 1), new StreamPosition(1, -1), new StreamPosition(1, MAX_OP + 1),
                new StreamPosition(1, Long.MAX_VALUE))) {
            assertThat(outside.hasVersion()).as("%s", outside).isFalse();
            assertThatThrownBy(outside::version).as("%s", outside)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("stream position " + outside + " has no version: a version orders positions with"
                                + " commitNum from -1 to 549755813886 and opNum from 0 to 16777215");
        }
        assertThat(new StreamPosition(MAX_COMMIT, MAX_OP).hasVersion()).isTrue();
        assertThat(new StreamPosition(-1, 0).hasVersion()).isTrue();
        assertThat(StreamPosition.version(MAX_COMMIT, MAX_OP)).isPositive();
        assertThat(StreamPosition.version(-1, MAX_OP)).isLessThan(StreamPosition.version(0, 0));
    }
}
