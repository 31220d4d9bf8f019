package io.phonectl.cucm;

import io.phonectl.xsi.model.ModelCatalog;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TypeModelTest {

    @Test
    void everyCatalogNameIsInTheModelCatalog() {
        for (TypeModel t : TypeModel.all()) {
            if (!t.catalogName().isEmpty()) {
                assertThat(ModelCatalog.standard().find(t.catalogName())).as(t.toString()).isPresent();
            }
        }
    }

    @Test
    void enumsAndNamesAreUnique() {
        Set<Integer> enums = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (TypeModel t : TypeModel.all()) {
            assertThat(enums.add(t.enumValue())).as("enum " + t.enumValue()).isTrue();
            assertThat(names.add(t.cucmName())).as(t.cucmName()).isTrue();
        }
        assertThat(TypeModel.byEnum(36224).orElseThrow().cucmName()).isEqualTo("Cisco 8845");
        assertThat(TypeModel.byCucmName("cisco 8845").orElseThrow().catalogName()).isEqualTo("CP-8845");
        assertThat(TypeModel.byCatalogName("DP-9841").orElseThrow().enumValue()).isEqualTo(36345);
    }
}
