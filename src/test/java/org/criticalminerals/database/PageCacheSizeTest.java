package org.criticalminerals.database;

import org.junit.jupiter.api.Test;
import org.neo4j.io.ByteUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The page cache follows the store, within what the machine leaves beside the heap. */
class PageCacheSizeTest {

    private static final long MIB = ByteUnit.mebiBytes(1);

    private static final long GIB = ByteUnit.gibiBytes(1);

    @Test
    void aSmallStoreGetsTheFloor() {
        PageCacheSize size = PageCacheSize.choose("", 12 * MIB, 24 * GIB, 4 * GIB);
        assertThat(size.bytes()).isEqualTo(256 * MIB);
        assertThat(size.reason()).contains("store 12 MiB", "floor of 256 MiB");
    }

    @Test
    void aLargerStoreGetsItsSizeWithGrowthAndHeadroom() {
        PageCacheSize size = PageCacheSize.choose("", 6 * GIB, 24 * GIB, 4 * GIB);
        assertThat(size.bytes()).isEqualTo((long) (6 * GIB * 1.2) + 128 * MIB);
        assertThat(size.reason()).isEqualTo("store 6.0 GiB × 1.2 + 128 MiB headroom");
    }

    @Test
    void theCacheGetsAtMostHalfOfWhatTheHeapLeaves() {
        // a 2 GiB container with a 1 GiB heap: 512 MiB for the page cache, the rest for the JVM's native memory
        PageCacheSize size = PageCacheSize.choose("", 600 * MIB, 2 * GIB, GIB);
        assertThat(size.bytes()).isEqualTo(512 * MIB);
        assertThat(size.reason()).contains("capped at 50 % of the 1.0 GiB that the 1.0 GiB heap leaves of 2.0 GiB");
    }

    @Test
    void theFloorHoldsOnAMachineTooSmallForIt() {
        PageCacheSize size = PageCacheSize.choose("", 600 * MIB, GIB, 768 * MIB);
        assertThat(size.bytes()).isEqualTo(256 * MIB);
        assertThat(size.reason()).contains("below the floor");
    }

    @Test
    void unknownMemoryMeansNoCeiling() {
        assertThat(PageCacheSize.choose("", 10 * GIB, 0, 4 * GIB).bytes()).isEqualTo((long) (10 * GIB * 1.2) + 128 * MIB);
    }

    @Test
    void cmgPageCacheOverridesAll() {
        PageCacheSize size = PageCacheSize.choose(" 2g ", 6 * GIB, 2 * GIB, GIB);
        assertThat(size.bytes()).isEqualTo(2 * GIB);
        assertThat(size.reason()).isEqualTo("set by CMG_PAGE_CACHE=2g");
        assertThat(PageCacheSize.choose("512m", 0, 0, 0).bytes()).isEqualTo(512 * MIB);
    }

    @Test
    void aValueThatIsNotASizeSaysSo() {
        assertThatThrownBy(() -> PageCacheSize.choose("lots", 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("CMG_PAGE_CACHE='lots' is not a size");
    }
}
