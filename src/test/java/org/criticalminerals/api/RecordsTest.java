package org.criticalminerals.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.criticalminerals.model.Deposit;
import org.criticalminerals.model.Facility;
import org.criticalminerals.model.Node;
import org.criticalminerals.model.Offtake;
import org.criticalminerals.model.PartialDate;
import org.criticalminerals.model.Site;
import org.criticalminerals.provenance.MonetaryFigure;
import org.criticalminerals.site.SupplyLink;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordsTest {

    private static Map<String, Object> entity(String type, String id) {
        return Entities.shapeRow(new HashMap<>(Map.of("id", id, "name", id + " name", "labels", List.of("Entity", type), "version", 3L)));
    }

    @Test
    void readsAShapedEntityWithConvertedNumbersDatesAndDefaultsForAbsentLists() {
        Map<String, Object> stored = new HashMap<>(Map.of("id", "o1", "name", "An offtake", "labels", List.of("Entity", "Offtake"),
                "version", 2L, "volume", 1500.5, "durationYears", 10L, "start", LocalDate.of(2023, 1, 1), "startPrecision", "YEAR",
                "createdAt", ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)));
        Offtake offtake = Records.entity(Offtake.class, Entities.shapeRow(stored));
        assertThat(offtake.id()).isEqualTo("o1");
        assertThat(offtake.version()).isEqualTo(2);
        assertThat(offtake.volume()).isEqualByComparingTo(new BigDecimal("1500.5"));
        assertThat(offtake.durationYears()).isEqualTo(10.0);
        assertThat(offtake.start()).isEqualTo(new PartialDate(LocalDate.of(2023, 1, 1), PartialDate.Precision.YEAR));
        assertThat(offtake.start().end()).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(offtake.createdAt()).isNotNull();
        assertThat(offtake.createdAt().getYear()).isEqualTo(2026);
        assertThat(offtake.aliases()).isEmpty();
        assertThat(offtake.disputed()).isEmpty();
        assertThat(offtake.nameJa()).isNull();
    }

    @Test
    void anInterfaceOrUnionTakesTheRecordOfTheEntitysType() {
        assertThat(Records.entity(Node.class, entity("Deposit", "d1"))).isInstanceOf(Deposit.class);
        SupplyLink link = Records.read(SupplyLink.class, Map.of("id", "l1", "from", entity("Deposit", "d1"), "to", entity("Facility", "f1")));
        Site from = link.from();
        assertThat(from).isInstanceOf(Deposit.class);
        assertThat(from.id()).isEqualTo("d1");
        assertThat(link.to()).isInstanceOf(Facility.class);
        assertThatThrownBy(() -> Records.entity(Site.class, entity("Mineral", "m1"))).hasMessageContaining("a Mineral is no Site");
    }

    @Test
    void aMissingValueOfANonNullPrimitiveIsAnErrorNamingTheComponent() {
        Map<String, Object> noVersion = entity("Offtake", "o1");
        noVersion.remove("version");
        assertThatThrownBy(() -> Records.entity(Offtake.class, noVersion)).hasMessageContaining("Offtake.version has no value");
    }

    @Test
    void aNestedRecordWithAFactoryIsBuiltByItAndBooleansStayBooleans() {
        Map<String, Object> stored = Map.of("id", "c1", "batch", "b", "by", "curator", "source", "s1",
                "at", ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), "amount", 5L);
        MonetaryFigure figure = Records.read(MonetaryFigure.class, Map.of("amount", 5L, "approximate", true, "claim", stored));
        assertThat(figure.approximate()).isTrue();
        assertThat(figure.claim().values()).containsEntry("source", "s1").containsEntry("amount", 5L);
    }

    @Test
    void everyEntityTypeHasItsRecord() {
        Entities.TYPES.forEach(type -> assertThat(Records.entityClass(type).getSimpleName()).isEqualTo(type));
    }
}
