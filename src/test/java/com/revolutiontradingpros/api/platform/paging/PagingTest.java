package com.revolutiontradingpros.api.platform.paging;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.revolutiontradingpros.api.support.ApiTest;

class PagingTest extends ApiTest {

    @Test
    void listsCarryDataAndMeta() {
        for (int i = 0; i < 5; i++) {
            http.post("/_probe/widgets", "{\"name\":\"page-" + i + "\",\"quantity\":1}");
        }
        var response = http.get("/_probe/widgets?page=2&per_page=2&q=page-&sort=-name");
        assertThat(response.status()).isEqualTo(200);
        var meta = response.json().get("meta");
        assertThat(meta.get("page").asInt()).isEqualTo(2);
        assertThat(meta.get("per_page").asInt()).isEqualTo(2);
        assertThat(meta.get("total").asInt()).isEqualTo(5);
        assertThat(meta.get("total_pages").asInt()).isEqualTo(3);
        assertThat(response.json().get("data").size()).isEqualTo(2);

        var filtered = http.get("/_probe/widgets?filter[name]=page-3");
        assertThat(filtered.json().get("meta").get("total").asInt()).isEqualTo(1);
        assertThat(filtered.json().get("meta").get("per_page").asInt()).isEqualTo(20);
    }

    @Test
    void outOfRangeOrUnknownValuesAre422() {
        assertProblem(http.get("/_probe/widgets?page=0"), 422, "validation_failed");
        assertProblem(http.get("/_probe/widgets?page=abc"), 422, "validation_failed");
        assertProblem(http.get("/_probe/widgets?per_page=101"), 422, "validation_failed");
        assertProblem(http.get("/_probe/widgets?per_page=0"), 422, "validation_failed");
        var sort = http.get("/_probe/widgets?sort=password");
        assertProblem(sort, 422, "validation_failed");
        assertThat(sort.json().get("errors").has("sort")).isTrue();
        var filter = http.get("/_probe/widgets?filter[secret]=1");
        assertProblem(filter, 422, "validation_failed");
        assertThat(filter.json().get("errors").has("filter[secret]")).isTrue();
    }

    @Test
    void orderByMapsFieldsToColumnsWithATieBreaker() {
        var query = new PageQuery(1, 20, java.util.List.of(new PageQuery.Sort("name", true)), java.util.Map.of(), null);
        assertThat(query.orderBy(java.util.Map.of("name", "w.name"), "w.id")).isEqualTo(" ORDER BY w.name DESC, w.id");
    }
}
