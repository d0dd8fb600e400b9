package com.eventix.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {
    @Test
    void pagingRequestsAreBounded() {
        assertThatCode(() -> Page.checkRequest(1, 100)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Page.checkRequest(0, 20)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).details()).containsKey("page"));
        assertThatCode(() -> Page.checkRequest(Page.MAX_PAGE, 100)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Page.checkRequest(21_474_838, 100)).as("a row offset past int range")
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).details()).containsKey("page"));
        assertThatThrownBy(() -> Page.checkRequest(1, 101)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).details()).containsKey("size"));
    }

    @Test
    void mapsItemsAndKeepsTheTotal() {
        Page<Integer> page = new Page<>(List.of(1, 2), 3, 2, 9);
        assertThat(page.offset()).isEqualTo(4);
        assertThat(page.map(i -> "#" + i)).isEqualTo(new Page<>(List.of("#1", "#2"), 3, 2, 9));
    }
}
