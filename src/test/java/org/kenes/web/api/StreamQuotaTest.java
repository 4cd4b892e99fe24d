package org.kenes.web.api;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StreamQuotaTest {

  @Test
  @DisplayName("the server's cap counts the streams of every account; a place released is taken again")
  void serverCap() {
    StreamQuota quota = new StreamQuota(2, 3);
    assertNull(quota.take("maria"));
    assertNull(quota.take("maria"));
    assertTrue(quota.take("maria").contains("this account"), "the account's cap comes first");
    assertNull(quota.take("aigerim"));
    assertTrue(quota.take("aigerim").contains("this server"), "three in all");
    quota.release("maria");
    assertNull(quota.take("aigerim"));
    assertNotNull(quota.take("dana"));
    quota.release("nobody");
    assertNotNull(quota.take("dana"), "releasing what was never taken frees nothing");
  }
}
