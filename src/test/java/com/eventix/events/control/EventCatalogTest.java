package com.eventix.events.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.platform.api.ApiException;
import org.junit.jupiter.api.Test;

class EventCatalogTest {
    @Test
    void everyWordBecomesARequiredPrefix() {
        assertThat(EventCatalog.toPrefixQuery("Jazz fest!")).isEqualTo("jazz:* & fest:*");
        assertThat(EventCatalog.toPrefixQuery("  Ça   va? ")).isEqualTo("ça:* & va:*");
        assertThat(EventCatalog.toPrefixQuery("a|b & !c:* <-> (d)")).isEqualTo("a:* & b:* & c:* & d:*");
    }

    @Test
    void keepsAtMostEightWordsAndRefusesEmptyQueries() {
        assertThat(EventCatalog.toPrefixQuery("1 2 3 4 5 6 7 8 9 10").split("&")).hasSize(8);
        assertThatThrownBy(() -> EventCatalog.toPrefixQuery(" !? ")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> EventCatalog.toPrefixQuery(null)).isInstanceOf(ApiException.class);
    }
}
