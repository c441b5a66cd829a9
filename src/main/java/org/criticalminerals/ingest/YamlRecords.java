package org.criticalminerals.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/** Reads the records of one knowledge-base file (a YAML or JSON list of maps). */
final class YamlRecords {

    record Parsed(List<RawRecord> records, List<Rejection> rejections) {
    }

    private YamlRecords() {
    }

    static Parsed read(KnowledgeFile file) {
        List<RawRecord> records = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Object document;
        try {
            document = yaml().load(file.content());
        }
        catch (MarkedYAMLException e) {
            rejections.add(new Rejection(file.name() + ":" + (e.getProblemMark().getLine() + 1), null, null,
                    "not valid YAML/JSON: " + e.getProblem()));
            return new Parsed(records, rejections);
        }
        catch (YAMLException e) {
            rejections.add(new Rejection(file.name(), null, null, "not valid YAML/JSON: " + e.getMessage()));
            return new Parsed(records, rejections);
        }
        if (document == null) {
            return new Parsed(records, rejections);
        }
        if (!(document instanceof List<?> list)) {
            rejections.add(new Rejection(file.name(), null, null, "the file must be a list of records"));
            return new Parsed(records, rejections);
        }
        for (int i = 0; i < list.size(); i++) {
            String location = file.name() + "#" + (i + 1);
            if (list.get(i) instanceof Map<?, ?> map && map.keySet().stream().allMatch(String.class::isInstance)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) map;
                records.add(new RawRecord(location, fields));
            }
            else {
                rejections.add(new Rejection(location, null, null, "a record must be a map of field names to values"));
            }
        }
        return new Parsed(records, rejections);
    }

    /**
     * YAML 1.1 would read {@code NO} (Norway) as false and {@code 2011-03-30} as a timestamp; this resolver
     * keeps YAML 1.2's core schema instead: only true/false are booleans, dates stay text.
     */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(64 * 1024 * 1024);
        Resolver resolver = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
                addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?[0-9]+$"), "-+0123456789");
                addImplicitResolver(Tag.FLOAT, Pattern.compile("^[-+]?(?:[0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+(?=[eE]))(?:[eE][-+]?[0-9]+)?$"),
                        "-+0123456789.");
                addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL| )$"), "~nN\0");
                addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
            }
        };
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options, resolver);
    }
}
