package org.criticalminerals.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code .graphql} document of the repository (the examples the README and the tests use) parses and
 * validates against the schema the service builds, so that a change of the schema that breaks one fails the
 * build, naming the file and the error. No database: the schema is built as the service builds it, with the
 * same schema files, scalars and type resolution; validation needs no data fetchers.
 */
class ExampleDocumentsValidationTest {

    /** Folders that hold no documents of the project's own. */
    private static final Set<String> SKIPPED = Set.of("target", ".git", "node_modules", "data", ".mvn");

    private static GraphQLSchema schema;

    @BeforeAll
    static void buildTheSchema() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls");
        assertThat(files).isNotEmpty();
        GraphQlConfiguration configuration = new GraphQlConfiguration();
        GraphQlSource.SchemaResourceBuilder builder = GraphQlSource.schemaResourceBuilder().schemaResources(files)
                .configureRuntimeWiring(configuration.scalars());
        configuration.typeNameResolver().customize(builder);
        schema = builder.build().schema();
    }

    @Test
    void everyDocumentInTheRepositoryIsValid() throws IOException {
        List<Path> documents = documents(Path.of("").toAbsolutePath());
        assertThat(documents).as("the .graphql documents of the repository").hasSizeGreaterThanOrEqualTo(17)
                .anyMatch(p -> p.endsWith(Path.of("graphql", "examples", "q01-routesAvoidingChina.graphql")));
        List<String> problems = new ArrayList<>();
        for (Path document : documents) {
            problems.addAll(problems(Path.of("").toAbsolutePath().relativize(document).toString(), Files.readString(document)));
        }
        assertThat(problems).as("documents that do not validate against the schema").isEmpty();
    }

    /** The check can fail: a document that asks for a field the schema lacks, or does not parse, is named with its error. */
    @Test
    void aBrokenDocumentIsNamedWithItsError() {
        assertThat(problems("broken.graphql", "{ offtakes { totalCount noSuchField } }"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).startsWith("broken.graphql: ").contains("noSuchField");
        assertThat(problems("unparsable.graphql", "{ offtakes { ")).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("unparsable.graphql: ");
        assertThat(problems("wrong-argument.graphql", "{ organization(id: 42, colour: RED) { id } }")).isNotEmpty();
    }

    static List<Path> documents(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".graphql"))
                    .filter(path -> root.relativize(path).getNameCount() == 1
                            || !SKIPPED.contains(root.relativize(path).getName(0).toString()))
                    .sorted().toList();
        }
    }

    private static List<String> problems(String name, String text) {
        Document document;
        try {
            document = Parser.parse(text);
        }
        catch (InvalidSyntaxException e) {
            return List.of(name + ": " + e.getMessage());
        }
        List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);
        return errors.stream().map(error -> name + ": " + error.getMessage()).toList();
    }
}
