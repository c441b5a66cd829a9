package org.criticalminerals.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.criticalminerals.model.RecordSchema.Reference;
import org.criticalminerals.model.RecordSchema.Shape;
import org.criticalminerals.model.RecordSchema.TypeSpec;
import org.criticalminerals.model.RecordSchema.ValueField;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record schema and {@code graphql/schema.graphqls} agree: every field and reference a record can
 * store is reachable through the GraphQL type of its record type, with a compatible type (enums with the
 * same values, dates as PartialDate, lists as lists), and no non-null GraphQL field of those types can be
 * left empty by an import: each is required by the record schema, or always present (names, lists,
 * evidence, bookkeeping), or computed.
 */
class RecordSchemaContractTest {

    /** GraphQL type of a record type, where the names differ. */
    private static final Map<String, String> GRAPHQL_TYPE = Map.of("Supply", "SupplyLink");

    /** Where the details of a reference's items (role …) are read, when not on the reference's own field. */
    private static final Map<String, String> DETAILS_FIELD = Map.of("Event.countries", "participants", "Event.organizations", "participants");

    /** Non-null fields every import fills whatever the records say: identity, lists, evidence, bookkeeping, computed answers. */
    private static final Set<String> ALWAYS_PRESENT = Set.of("id", "name", "aliases", "claims", "disputes", "sourceKinds", "version",
            "code", "route", "amounts", "volumes", "partOf", "members", "organizations", "operatedDeposits", "operatedFacilities",
            "investments", "suppliesTo", "suppliedBy", "targets", "participants", "from", "to");

    private TypeDefinitionRegistry registry = parse();

    @Test
    void everyRecordFieldAndReferenceIsReachableWithACompatibleType() {
        assertThat(reachability()).isEmpty();
    }

    private List<String> reachability() {
        List<String> problems = new ArrayList<>();
        for (TypeSpec spec : RecordSchema.types()) {
            String typeName = GRAPHQL_TYPE.getOrDefault(spec.type(), spec.type());
            Optional<ObjectTypeDefinition> type = registry.getType(typeName, ObjectTypeDefinition.class);
            if (type.isEmpty()) {
                problems.add("no GraphQL type " + typeName + " for record type " + spec.type());
                continue;
            }
            if (spec.shape() != Shape.RELATIONSHIP) {
                for (String common : List.of("id", "name", "nameJa", "aliases")) {
                    field(type.get(), common).ifPresentOrElse(f -> { }, () -> problems.add(typeName + "." + common + " is missing"));
                }
            }
            for (ValueField value : spec.values().values()) {
                if (value.name().equals("approximate")) {
                    continue; // read as qualifier ABOUT
                }
                Optional<FieldDefinition> field = field(type.get(), value.name());
                if (field.isEmpty()) {
                    problems.add(typeName + "." + value.name() + " (" + value.kind() + ") is not reachable through GraphQL");
                    continue;
                }
                checkValue(typeName, value, field.get().getType(), problems);
            }
            for (Reference reference : spec.references()) {
                Optional<FieldDefinition> field = field(type.get(), reference.field());
                if (field.isEmpty()) {
                    problems.add(typeName + "." + reference.field() + " (reference) is not reachable through GraphQL");
                    continue;
                }
                checkReference(typeName, reference, field.get().getType(), problems);
            }
        }
        return problems;
    }

    @Test
    void noNonNullFieldCanBeLeftEmptyByAnImport() {
        List<String> problems = new ArrayList<>();
        for (TypeSpec spec : RecordSchema.types()) {
            String typeName = GRAPHQL_TYPE.getOrDefault(spec.type(), spec.type());
            ObjectTypeDefinition type = registry.getType(typeName, ObjectTypeDefinition.class).orElseThrow();
            for (FieldDefinition field : type.getFieldDefinitions()) {
                if (!(field.getType() instanceof NonNullType nonNull) || nonNull.getType() instanceof ListType
                        || ALWAYS_PRESENT.contains(field.getName())) {
                    continue;
                }
                boolean required = spec.value(field.getName()).map(ValueField::required).orElse(false)
                        || spec.reference(field.getName()).map(Reference::required).orElse(false);
                if (!required) {
                    problems.add(typeName + "." + field.getName() + " is non-null but a " + spec.type() + " may lack it");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aMissingFieldFailsTheContract() {
        // the contract test is only as good as its ability to fail: drop a field from a copy of the schema
        String schema = read().replace("    \"What the money is for.\"\n    purpose: String\n", "");
        assertThat(schema).isNotEqualTo(read());
        registry = new SchemaParser().parse(schema);
        assertThat(reachability()).containsExactly("Investment.purpose (TEXT) is not reachable through GraphQL");
    }

    private void checkValue(String typeName, ValueField value, Type<?> graphQlType, List<String> problems) {
        String where = typeName + "." + value.name();
        Type<?> inner = unwrapNonNull(graphQlType);
        switch (value.kind()) {
            case TEXT -> expectNamed(where, inner, problems, "String", "Url");
            case CURRENCY -> expectNamed(where, inner, problems, "Currency", "String");
            case NUMBER, SIGNED_NUMBER, PERCENT -> expectNamed(where, inner, problems, "Float", "BigDecimal");
            case INTEGER -> expectNamed(where, inner, problems, "Int", "Long");
            case BOOLEAN -> expectNamed(where, inner, problems, "Boolean");
            case DATE -> expectNamed(where, inner, problems, "PartialDate");
            case ENUM -> expectEnum(where, inner, value.allowed(), problems);
            case TEXT_LIST, ENUM_LIST -> {
                if (!(graphQlType instanceof NonNullType) || !(inner instanceof ListType list)) {
                    problems.add(where + " must be a non-null list (it reads as empty when absent)");
                    return;
                }
                Type<?> element = unwrapNonNull(list.getType());
                if (value.kind() == RecordSchema.ValueKind.TEXT_LIST) {
                    expectNamed(where, element, problems, "String");
                }
                else {
                    expectEnum(where, element, value.allowed(), problems);
                }
            }
            default -> problems.add(where + ": unchecked kind " + value.kind());
        }
    }

    private void checkReference(String typeName, Reference reference, Type<?> graphQlType, List<String> problems) {
        String where = typeName + "." + reference.field();
        Type<?> inner = unwrapNonNull(graphQlType);
        if (reference.many() != inner instanceof ListType) {
            problems.add(where + (reference.many() ? " must be a list" : " must not be a list"));
            return;
        }
        if (reference.many() && !(graphQlType instanceof NonNullType)) {
            problems.add(where + " must be a non-null list");
        }
        Type<?> element = inner instanceof ListType list ? unwrapNonNull(list.getType()) : inner;
        String elementName = ((TypeName) element).getName();
        if (DETAILS_FIELD.containsKey(where)) {
            ObjectTypeDefinition owner = registry.getType(typeName, ObjectTypeDefinition.class).orElseThrow();
            Optional<FieldDefinition> details = field(owner, DETAILS_FIELD.get(where));
            if (details.isEmpty()) {
                problems.add(typeName + "." + DETAILS_FIELD.get(where) + " is missing: it carries the details of " + where);
                return;
            }
            elementName = ((TypeName) unwrapNonNull(((ListType) unwrapNonNull(details.get().getType())).getType())).getName();
        }
        if (!reference.itemFields().isEmpty()) {
            String itemType = elementName;
            ObjectTypeDefinition item = registry.getType(itemType, ObjectTypeDefinition.class).orElse(null);
            if (item == null) {
                problems.add(where + ": the items carry details and must be an object type, not " + itemType);
                return;
            }
            for (ValueField detail : reference.itemFields()) {
                field(item, detail.name()).ifPresentOrElse(f -> checkValue(itemType, detail, f.getType(), problems),
                        () -> problems.add(itemType + "." + detail.name() + " is missing"));
            }
            return;
        }
        Set<String> covered = covered(elementName);
        for (String target : reference.targetTypes()) {
            if (!covered.contains(target) && !covered.contains("Entity")) {
                problems.add(where + " is " + elementName + ", which does not cover " + target);
            }
        }
    }

    private Set<String> covered(String typeName) {
        if (typeName.equals("ID") || typeName.equals("CountryCode")) {
            return Set.of("Entity");
        }
        return registry.getType(typeName, UnionTypeDefinition.class)
                .map(u -> Set.copyOf(u.getMemberTypes().stream().map(t -> ((TypeName) t).getName()).toList()))
                .orElse(Set.of(typeName));
    }

    private void expectEnum(String where, Type<?> type, List<String> allowed, List<String> problems) {
        if (!(type instanceof TypeName name)) {
            problems.add(where + " must be an enum, not a list");
            return;
        }
        Optional<EnumTypeDefinition> enumType = registry.getType(name.getName(), EnumTypeDefinition.class);
        if (enumType.isEmpty()) {
            problems.add(where + " must be an enum of " + allowed + ", not " + name.getName());
            return;
        }
        Set<String> values = Set.copyOf(enumType.get().getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).toList());
        if (!values.containsAll(allowed)) { // a GraphQL enum shared with computed answers may hold more (MINING, a route stage)
            problems.add(where + ": enum " + name.getName() + " has " + values + ", the record schema allows " + allowed);
        }
    }

    private static void expectNamed(String where, Type<?> type, List<String> problems, String... names) {
        if (!(type instanceof TypeName name) || !List.of(names).contains(name.getName())) {
            problems.add(where + " must be " + String.join(" or ", names));
        }
    }

    private static Type<?> unwrapNonNull(Type<?> type) {
        return type instanceof NonNullType nonNull ? nonNull.getType() : type;
    }

    private static Optional<FieldDefinition> field(ObjectTypeDefinition type, String name) {
        return type.getFieldDefinitions().stream().filter(f -> f.getName().equals(name)).findFirst();
    }

    private static TypeDefinitionRegistry parse() {
        return new SchemaParser().parse(read());
    }

    private static String read() {
        try {
            return Files.readString(Path.of("graphql/schema.graphqls"));
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
