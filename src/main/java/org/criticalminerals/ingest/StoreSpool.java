package org.criticalminerals.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.criticalminerals.ingest.StoreElements.StoreNode;
import org.criticalminerals.ingest.StoreElements.StoreRelationship;
import org.jspecify.annotations.Nullable;

/**
 * The nodes and relationships of a first load, on disk between planning and storing them: Neo4j's importer
 * reads all nodes before any relationship, and a large import is not held in memory. Two files of tagged
 * values; property keys, labels and types are written once each and then by number.
 */
final class StoreSpool implements StoreElements.Sink, Closeable {

    private final Path nodesFile;

    private final Path relationshipsFile;

    private final Writer nodes;

    private final Writer relationships;

    private long nodeCount;

    private long relationshipCount;

    StoreSpool(Path directory) {
        try {
            Files.createDirectories(directory);
            nodesFile = directory.resolve("nodes.spool");
            relationshipsFile = directory.resolve("relationships.spool");
            nodes = new Writer(nodesFile);
            relationships = new Writer(relationshipsFile);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void node(StoreNode node) {
        try {
            nodes.out.writeLong(node.id());
            nodes.out.writeByte(node.labels().size());
            for (String label : node.labels()) {
                nodes.name(label);
            }
            nodes.properties(node.properties());
            nodeCount++;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void relationship(StoreRelationship relationship) {
        try {
            relationships.name(relationship.type());
            relationships.out.writeLong(relationship.start());
            relationships.out.writeLong(relationship.end());
            relationships.properties(relationship.properties());
            relationshipCount++;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long nodes() {
        return nodeCount;
    }

    long relationships() {
        return relationshipCount;
    }

    /** Ends writing; the spool can then be read, any number of times. */
    @Override
    public void close() {
        try {
            nodes.out.close();
            relationships.out.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reader readNodes() throws IOException {
        return new Reader(nodesFile, true);
    }

    Reader readRelationships() throws IOException {
        return new Reader(relationshipsFile, false);
    }

    void delete() {
        try {
            Files.deleteIfExists(nodesFile);
            Files.deleteIfExists(relationshipsFile);
            Files.deleteIfExists(nodesFile.getParent());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // value tags
    private static final int STRING = 1;

    private static final int LONG = 2;

    private static final int DOUBLE = 3;

    private static final int BOOLEAN = 4;

    private static final int DATE = 5;

    private static final int DATE_TIME = 6;

    /** A list: the tag of its items (all of one kind), their number, then each item as a scalar of that kind. */
    private static final int LIST = 7;

    private static final class Writer {

        final DataOutputStream out;

        final Map<String, Integer> names = new HashMap<>();

        Writer(Path file) throws IOException {
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        }

        void string(String value) throws IOException {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        /** A name by number; its first use also writes it. */
        void name(String name) throws IOException {
            Integer known = names.get(name);
            if (known != null) {
                out.writeShort(known);
                return;
            }
            out.writeShort(-1);
            string(name);
            names.put(name, names.size());
        }

        void properties(Map<String, Object> properties) throws IOException {
            int present = (int) properties.values().stream().filter(v -> v != null).count();
            out.writeShort(present);
            for (Map.Entry<String, Object> property : properties.entrySet()) {
                if (property.getValue() != null) {
                    name(property.getKey());
                    value(property.getKey(), property.getValue());
                }
            }
        }

        private void value(String key, Object value) throws IOException {
            if (value instanceof List<?> list) {
                // an empty list is an empty array of strings, as Cypher stores it
                int items = list.isEmpty() ? STRING : tag(key, list.get(0));
                out.writeByte(LIST);
                out.writeByte(items);
                out.writeInt(list.size());
                for (Object item : list) {
                    if (tag(key, item) != items) {
                        throw new IllegalStateException("a list of values of different kinds, which the store cannot hold: " + key + " = " + list);
                    }
                    scalar(items, item);
                }
                return;
            }
            int tag = tag(key, value);
            out.writeByte(tag);
            scalar(tag, value);
        }

        private static int tag(String key, Object value) {
            if (value instanceof String) {
                return STRING;
            }
            if (value instanceof Long || value instanceof Integer) {
                return LONG;
            }
            if (value instanceof Double || value instanceof Float) {
                return DOUBLE;
            }
            if (value instanceof Boolean) {
                return BOOLEAN;
            }
            if (value instanceof LocalDate) {
                return DATE;
            }
            if (value instanceof ZonedDateTime) {
                return DATE_TIME;
            }
            throw new IllegalStateException("a value the store cannot hold: " + key + " = " + value.getClass().getName());
        }

        private void scalar(int tag, Object value) throws IOException {
            switch (tag) {
                case STRING -> string((String) value);
                case LONG -> out.writeLong(((Number) value).longValue());
                case DOUBLE -> out.writeDouble(((Number) value).doubleValue());
                case BOOLEAN -> out.writeBoolean((Boolean) value);
                case DATE -> out.writeLong(((LocalDate) value).toEpochDay());
                case DATE_TIME -> {
                    ZonedDateTime time = (ZonedDateTime) value;
                    out.writeLong(time.toEpochSecond());
                    out.writeInt(time.getNano());
                    string(time.getZone().getId());
                }
                default -> throw new IllegalStateException("not a scalar tag: " + tag);
            }
        }
    }

    /** What a spool holds, in the order written; values as Neo4j's importer takes them (lists as arrays). */
    static final class Reader implements Closeable {

        private final DataInputStream in;

        private final boolean nodes;

        private final List<String> names = new ArrayList<>();

        private Reader(Path file, boolean nodes) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            this.nodes = nodes;
        }

        /** The next node, or null at the end. */
        @Nullable StoreNode nextNode() throws IOException {
            if (!nodes) {
                throw new IllegalStateException("a spool of relationships");
            }
            long id;
            try {
                id = in.readLong();
            }
            catch (EOFException end) {
                return null;
            }
            int labelCount = in.readUnsignedByte();
            List<String> labels = new ArrayList<>(labelCount);
            for (int i = 0; i < labelCount; i++) {
                labels.add(name());
            }
            return new StoreNode(id, labels, properties());
        }

        /** The next relationship, or null at the end. */
        @Nullable StoreRelationship nextRelationship() throws IOException {
            if (nodes) {
                throw new IllegalStateException("a spool of nodes");
            }
            String type;
            try {
                type = name();
            }
            catch (EOFException end) {
                return null;
            }
            long start = in.readLong();
            long end = in.readLong();
            return new StoreRelationship(type, start, end, properties());
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        private String string() throws IOException {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private String name() throws IOException {
            int number = in.readShort();
            if (number >= 0) {
                return names.get(number);
            }
            String name = string();
            names.add(name);
            return name;
        }

        private Map<String, Object> properties() throws IOException {
            int count = in.readUnsignedShort();
            Map<String, Object> properties = new LinkedHashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                String key = name();
                properties.put(key, value());
            }
            return properties;
        }

        private Object value() throws IOException {
            int tag = in.readUnsignedByte();
            if (tag != LIST) {
                return scalar(tag);
            }
            // Neo4j's importer takes a list as an array of its items' kind: String[], long[], double[], boolean[] …
            int items = in.readUnsignedByte();
            Object array = Array.newInstance(itemClass(items), in.readInt());
            for (int i = 0; i < Array.getLength(array); i++) {
                Array.set(array, i, scalar(items));
            }
            return array;
        }

        private Object scalar(int tag) throws IOException {
            return switch (tag) {
                case STRING -> string();
                case LONG -> in.readLong();
                case DOUBLE -> in.readDouble();
                case BOOLEAN -> in.readBoolean();
                case DATE -> LocalDate.ofEpochDay(in.readLong());
                case DATE_TIME -> {
                    long seconds = in.readLong();
                    int nanos = in.readInt();
                    yield ZonedDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), ZoneId.of(string()));
                }
                default -> throw new IOException("not a spool value: tag " + tag);
            };
        }

        private static Class<?> itemClass(int tag) throws IOException {
            return switch (tag) {
                case STRING -> String.class;
                case LONG -> long.class;
                case DOUBLE -> double.class;
                case BOOLEAN -> boolean.class;
                case DATE -> LocalDate.class;
                case DATE_TIME -> ZonedDateTime.class;
                default -> throw new IOException("not a spool value: tag " + tag);
            };
        }
    }
}
