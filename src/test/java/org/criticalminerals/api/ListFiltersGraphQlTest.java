package org.criticalminerals.api;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filters every list shares (a name match, values from a list, ranges of numbers and dates), each checked
 * against the whole list read without it and filtered here: the same items, in the list's order, however paged.
 */
class ListFiltersGraphQlTest extends GraphTestSupport {

    @Test
    void aNameMatchesByPrefixOrAnywhereInNameJapaneseNameOrAliasWithoutRegardToCase() {
        List<Map<String, Object>> all = nodes("organizations", "id name nameJa aliases", "", 500);
        for (String[] match : new String[][] {{"startsWith", "SOJI"}, {"contains", "metal"}, {"contains", "ジ"}, {"startsWith", "j"}}) {
            String text = match[1].toLowerCase(Locale.ROOT);
            Predicate<String> test = match[0].equals("startsWith") ? name -> name.toLowerCase(Locale.ROOT).startsWith(text)
                    : name -> name.toLowerCase(Locale.ROOT).contains(text);
            List<String> expected = all.stream().filter(o -> names(o).anyMatch(test)).map(o -> (String) o.get("id")).toList();
            assertThat(expected).as(match[0] + " " + match[1]).isNotEmpty().hasSizeLessThan(all.size());
            String filter = "filter: {name: {%s: \"%s\"}}".formatted(match[0], match[1]);
            assertThat(ids("organizations", filter, 500)).as(filter).isEqualTo(expected);
            assertThat(walk("organizations", filter, 3)).as(filter + ", 3 a page").isEqualTo(expected);
        }
    }

    @Test
    void inListsAreTheUnionOfTheirValuesAndAnEmptyListMatchesNothing() {
        List<String> japan = ids("organizations", "filter: {country: JP}", 500);
        List<String> australia = ids("organizations", "filter: {country: AU}", 500);
        assertThat(japan).isNotEmpty();
        assertThat(australia).isNotEmpty();
        Set<String> union = new HashSet<>(japan);
        union.addAll(australia);
        List<String> either = ids("organizations", "filter: {countryIn: [JP, AU]}", 500);
        assertThat(either).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(union);
        assertThat(ids("organizations", "filter: {countryIn: [JP, AU], country: JP}", 500)).isEqualTo(japan);
        assertThat(ids("organizations", "filter: {countryIn: []}", 500)).isEmpty();

        List<Map<String, Object>> controls = nodes("exportControls", "id measure", "", 500);
        List<String> expected = controls.stream().filter(c -> List.of("BAN", "LICENSING").contains(c.get("measure")))
                .map(c -> (String) c.get("id")).toList();
        assertThat(expected).isNotEmpty();
        assertThat(ids("exportControls", "filter: {measureIn: [BAN, LICENSING]}", 500)).isEqualTo(expected);
    }

    @Test
    void numberRangesIncludeTheirEndsAndWorkWithTheSortOrder() {
        String order = "orderBy: {field: AMOUNT, direction: DESC}";
        List<Map<String, Object>> all = nodes("investments", "id amount", order, 500);
        List<Double> amounts = all.stream().map(i -> (Number) i.get("amount")).filter(a -> a != null).map(Number::doubleValue).toList();
        assertThat(amounts).hasSizeGreaterThan(3);
        double min = amounts.get(amounts.size() - 2);
        double max = amounts.get(1);
        List<String> expected = all.stream().filter(i -> i.get("amount") != null)
                .filter(i -> ((Number) i.get("amount")).doubleValue() >= min && ((Number) i.get("amount")).doubleValue() <= max)
                .map(i -> (String) i.get("id")).toList();
        assertThat(expected).hasSizeLessThan(all.size()).hasSizeGreaterThan(1);
        String filter = "filter: {amount: {min: %s, max: %s}}, %s".formatted(min, max, order);
        assertThat(ids("investments", filter, 500)).isEqualTo(expected);
        assertThat(walk("investments", filter, 2)).isEqualTo(expected);

        List<Map<String, Object>> statistics = nodes("statistics", "id year", "", 500);
        List<String> recent = statistics.stream().filter(s -> s.get("year") != null && ((Number) s.get("year")).intValue() >= 2022)
                .map(s -> (String) s.get("id")).toList();
        assertThat(recent).isNotEmpty().hasSizeLessThan(statistics.size());
        assertThat(ids("statistics", "filter: {years: {min: 2022}}", 500)).isEqualTo(recent);
    }

    @Test
    void aDateRangeMatchesEveryDateWhosePeriodOverlapsIt() {
        List<Map<String, Object>> all = nodes("exportControls", "id announced { value end }", "", 500);
        LocalDate from = LocalDate.of(2023, 7, 1);
        LocalDate to = LocalDate.of(2024, 12, 31);
        List<String> expected = all.stream().filter(c -> c.get("announced") != null).filter(c -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> date = (Map<String, Object>) c.get("announced");
            return !LocalDate.parse((String) date.get("value")).isAfter(to) && !LocalDate.parse((String) date.get("end")).isBefore(from);
        }).map(c -> (String) c.get("id")).toList();
        assertThat(expected).isNotEmpty().hasSizeLessThan(all.size());
        assertThat(ids("exportControls", "filter: {announced: {from: \"2023-07-01\", to: \"2024-12-31\"}}", 500)).isEqualTo(expected);
    }

    @Test
    void aRangeWhoseEndsAreSwappedIsABadRequest() {
        for (String filter : List.of("investments(filter: {amount: {min: 10, max: 1}})",
                "exportControls(filter: {effective: {from: \"2024-01-02\", to: \"2024-01-01\"}})")) {
            graphQl().document("{ %s { totalCount } }".formatted(filter)).execute().errors().satisfy(errors ->
                    assertThat(errors).singleElement().satisfies(error -> {
                        assertThat(error.getErrorType().toString()).as(filter).isEqualTo("BAD_REQUEST");
                        assertThat(error.getMessage()).as(filter).containsAnyOf("greater than", "is after");
                    }));
        }
    }

    /**
     * A count with a filter linking to one node starts from that node; it counts each item once, however many ways
     * the item is linked (the Lynas offtake has two Japanese buyers), and agrees with the items listed.
     */
    @Test
    void totalCountAgreesWithTheItemsListedForEveryLinkedFilter() {
        for (String[] list : new String[][] {{"organizations", "filter: {country: JP}"}, {"organizations", "filter: {country: JP, kind: Company}"},
                {"offtakes", "filter: {buyerCountry: JP}"}, {"offtakes", "filter: {buyer: \"sojitz\"}"},
                {"offtakes", "filter: {seller: \"lynas-rare-earths\"}"}, {"policies", "filter: {issuer: \"CN\"}"},
                {"exportControls", "filter: {imposer: CN}"}, {"agreements", "filter: {party: \"AU\"}"},
                {"statistics", "filter: {country: CN}"}, {"investments", "filter: {target: \"lynas-rare-earths\"}"},
                {"deposits", "filter: {country: AU}"}, {"facilities", "filter: {country: MY}"},
                {"minerals", "filter: {partOf: \"rare-earth-elements\"}"}, {"organizations", ""}, {"statistics", ""},
                {"offtakes", "filter: {buyerCountryIn: [JP, US]}"}, {"organizations", "filter: {countryIn: [JP, AU], kind: Company}"},
                {"exportControls", "filter: {mineral: \"neodymium\"}"}, {"deposits", "filter: {mineral: \"rare-earth-elements\"}"},
                {"statistics", "filter: {countryIn: [CN, JP]}"}, {"events", "filter: {countryIn: [CN, JP]}"}}) {
            List<String> listed = ids(list[0], list[1], 500);
            String args = list[1].isEmpty() ? "" : "(" + list[1] + ")";
            int total = graphQl().document("{ %s%s { totalCount } }".formatted(list[0], args)).execute().path(list[0] + ".totalCount")
                    .entity(Integer.class).get();
            assertThat(listed).as(list[0] + " " + list[1]).isNotEmpty().doesNotHaveDuplicates().hasSize(total);
        }
    }

    private static Stream<String> names(Map<String, Object> entity) {
        @SuppressWarnings("unchecked")
        List<String> aliases = (List<String>) entity.get("aliases");
        return Stream.concat(Stream.of((String) entity.get("name"), (String) entity.get("nameJa")), aliases.stream()).filter(n -> n != null);
    }

    private List<Map<String, Object>> nodes(String list, String fields, String arguments, int first) {
        String args = arguments.isEmpty() ? "first: " + first : arguments + ", first: " + first;
        return graphQl().document("{ %s(%s) { edges { node { %s } } } }".formatted(list, args, fields)).execute()
                .path(list + ".edges[*].node").entityList(mapType()).get();
    }

    private List<String> ids(String list, String arguments, int first) {
        return nodes(list, "id", arguments, first).stream().map(n -> (String) n.get("id")).toList();
    }

    /** The list read {@code size} at a time, following the cursors. */
    private List<String> walk(String list, String arguments, int size) {
        List<String> ids = new java.util.ArrayList<>();
        String after = null;
        while (true) {
            Map<String, Object> page = graphQl().document("query($after: String) { %s(%s, first: %d, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }"
                    .formatted(list, arguments, size)).variable("after", after).execute().path(list).entity(mapType()).get();
            @SuppressWarnings("unchecked")
            List<Map<String, Map<String, Object>>> edges = (List<Map<String, Map<String, Object>>>) page.get("edges");
            edges.forEach(edge -> ids.add((String) edge.get("node").get("id")));
            @SuppressWarnings("unchecked")
            Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
            if (!Boolean.TRUE.equals(info.get("hasNextPage"))) {
                return ids;
            }
            after = (String) info.get("endCursor");
        }
    }

}
