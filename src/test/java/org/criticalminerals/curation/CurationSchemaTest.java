package org.criticalminerals.curation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import graphql.language.FieldDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code graphql/curation.graphqls} is what {@link CurationSchema} renders from the record schema, with the
 * enums the hand-written schema uses for the same fields. Run with {@code -Dcmg.regenerate=true} to write it.
 */
class CurationSchemaTest {

    private static final Path FILE = Path.of("graphql/curation.graphqls");

    /** The output field whose items carry a reference's details, where it is not the reference's own field. */
    private static final Map<String, String> DETAILS = Map.of("Event.countries", "participants", "Event.organizations", "participants");

    @Test
    void theCurationSchemaIsDerivedFromTheRecordSchema() throws IOException {
        TypeDefinitionRegistry registry = new SchemaParser().parse(Files.readString(Path.of("graphql/schema.graphqls")));
        String rendered = CurationSchema.render((owner, field) -> enumOf(registry, owner, field));
        if (Boolean.getBoolean("cmg.regenerate")) {
            Files.writeString(FILE, rendered);
        }
        assertThat(Files.readString(FILE)).as("graphql/curation.graphqls is stale: regenerate it (see its header)").isEqualTo(rendered);
        assertThat(new SchemaParser().parse(Files.readString(Path.of("graphql/schema.graphqls")) + rendered).getType("CreateOrganizationInput"))
                .isPresent();
    }

    private static String enumOf(TypeDefinitionRegistry registry, String owner, String field) {
        if (owner.contains(".")) { // a reference's item detail: Agreement.parties → AgreementParty.role
            String type = owner.substring(0, owner.indexOf('.'));
            String reference = DETAILS.getOrDefault(owner, owner.substring(owner.indexOf('.') + 1));
            return enumOf(registry, name(fieldOf(registry, type, reference).getType()), field);
        }
        String type = owner.equals("Supply") ? "SupplyLink" : owner;
        return name(fieldOf(registry, type, field).getType());
    }

    private static FieldDefinition fieldOf(TypeDefinitionRegistry registry, String type, String field) {
        return registry.getType(type, ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions().stream()
                .filter(f -> f.getName().equals(field)).findFirst().orElseThrow(() -> new AssertionError(type + "." + field + " missing"));
    }

    private static String name(Type<?> type) {
        Type<?> at = type;
        while (!(at instanceof TypeName)) {
            at = at instanceof NonNullType nonNull ? nonNull.getType() : ((ListType) at).getType();
        }
        return ((TypeName) at).getName();
    }
}
