package org.kenes.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The embedded store's page cache follows the heap, within bounds. */
class StoreTest {

  private static final long MB = 1024 * 1024;

  @Test
  void cacheIsAQuarterOfTheHeapBetween16And1024Mb() {
    assertEquals(16, Store.cacheMb(32 * MB));
    assertEquals(128, Store.cacheMb(512 * MB));
    assertEquals(512, Store.cacheMb(2048 * MB));
    assertEquals(1_024, Store.cacheMb(6 * 1024 * MB));
  }
}
