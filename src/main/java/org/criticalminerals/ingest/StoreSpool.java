package org.criticalminerals.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
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

import org.criticalminerals.ingest.StoreElements.Group;
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
            nodes.out.writeByte(node.group().ordinal());
            nodes.string(node.id());
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
            relationships.out.writeByte(relationship.startGroup().ordinal());
            relationships.string(relationship.start());
            relationships.out.writeByte(relationship.endGroup().ordinal());
            relationships.string(relationship.end());
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

    private static final int STRINGS = 7;

    private static final int LONGS = 8;

    private static final int DOUBLES = 9;

    private static final int BOOLEANS = 10;

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
            if (value instanceof String text) {
                out.writeByte(STRING);
                string(text);
            }
            else if (value instanceof Long || value instanceof Integer) {
                out.writeByte(LONG);
                out.writeLong(((Number) value).longValue());
            }
            else if (value instanceof Double || value instanceof Float) {
                out.writeByte(DOUBLE);
                out.writeDouble(((Number) value).doubleValue());
            }
            else if (value instanceof Boolean flag) {
                out.writeByte(BOOLEAN);
                out.writeBoolean(flag);
            }
            else if (value instanceof LocalDate date) {
                out.writeByte(DATE);
                out.writeLong(date.toEpochDay());
            }
            else if (value instanceof ZonedDateTime time) {
                out.writeByte(DATE_TIME);
                out.writeLong(time.toEpochSecond());
                out.writeInt(time.getNano());
                string(time.getZone().getId());
            }
            else if (value instanceof List<?> list) {
                list(key, list);
            }
            else {
                throw new IllegalStateException("a value the store cannot hold: " + key + " = " + value.getClass().getName());
            }
        }

        /** Neo4j holds lists of one kind as arrays; an empty list is an empty array of strings, as Cypher stores it. */
        private void list(String key, List<?> list) throws IOException {
            Object first = list.isEmpty() ? "" : list.get(0);
            if (first instanceof String) {
                out.writeByte(STRINGS);
                out.writeInt(list.size());
                for (Object item : list) {
                    string((String) item);
                }
            }
            else if (first instanceof Long || first instanceof Integer) {
                out.writeByte(LONGS);
                out.writeInt(list.size());
                for (Object item : list) {
                    out.writeLong(((Number) item).longValue());
                }
            }
            else if (first instanceof Double || first instanceof Float) {
                out.writeByte(DOUBLES);
                out.writeInt(list.size());
                for (Object item : list) {
                    out.writeDouble(((Number) item).doubleValue());
                }
            }
            else if (first instanceof Boolean) {
                out.writeByte(BOOLEANS);
                out.writeInt(list.size());
                for (Object item : list) {
                    out.writeBoolean((Boolean) item);
                }
            }
            else {
                throw new IllegalStateException("a list the store cannot hold: " + key + " = " + list);
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
            int group;
            try {
                group = in.readUnsignedByte();
            }
            catch (EOFException end) {
                return null;
            }
            String id = string();
            int labelCount = in.readUnsignedByte();
            List<String> labels = new ArrayList<>(labelCount);
            for (int i = 0; i < labelCount; i++) {
                labels.add(name());
            }
            return new StoreNode(Group.values()[group], id, labels, properties());
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
            Group startGroup = Group.values()[in.readUnsignedByte()];
            String start = string();
            Group endGroup = Group.values()[in.readUnsignedByte()];
            String end = string();
            return new StoreRelationship(type, startGroup, start, endGroup, end, properties());
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
                case STRINGS -> {
                    String[] items = new String[in.readInt()];
                    for (int i = 0; i < items.length; i++) {
                        items[i] = string();
                    }
                    yield items;
                }
                case LONGS -> {
                    long[] items = new long[in.readInt()];
                    for (int i = 0; i < items.length; i++) {
                        items[i] = in.readLong();
                    }
                    yield items;
                }
                case DOUBLES -> {
                    double[] items = new double[in.readInt()];
                    for (int i = 0; i < items.length; i++) {
                        items[i] = in.readDouble();
                    }
                    yield items;
                }
                case BOOLEANS -> {
                    boolean[] items = new boolean[in.readInt()];
                    for (int i = 0; i < items.length; i++) {
                        items[i] = in.readBoolean();
                    }
                    yield items;
                }
                default -> throw new IOException("not a spool value: tag " + tag);
            };
        }
    }
}
