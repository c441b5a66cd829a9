package org.criticalminerals.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.criticalminerals.ingest.StoreElements.StoreNode;
import org.criticalminerals.ingest.StoreElements.StoreRelationship;
import org.jspecify.annotations.Nullable;

/**
 * The nodes and relationships of a first load, on disk between planning and storing them: Neo4j's importer
 * reads all nodes before any relationship, and a large import is not held in memory. Two files of frames, each
 * its length and then tagged values; property keys, labels and types by number, from one table the spool keeps
 * (the same process reads the spool back). Encoding is apart from writing, so that the planning threads encode
 * their chunks in parallel ({@link Encoder}) and only the writing keeps the import's order; reading hands out
 * whole frames, so that the importer's threads decode them in parallel ({@link #decode}).
 */
final class StoreSpool implements Closeable {

    private final Path nodesFile;

    private final Path relationshipsFile;

    private final OutputStream nodes;

    private final OutputStream relationships;

    private final Names names = new Names();

    /** For what is written here rather than by an encoder: a node frame's length and id, the provenance relationships. */
    private final Encoder own = new Encoder(names);

    private final Bytes header = new Bytes(Integer.BYTES + Long.BYTES);

    private long nodeCount;

    private long relationshipCount;

    StoreSpool(Path directory) {
        try {
            Files.createDirectories(directory);
            nodesFile = directory.resolve("nodes.spool");
            relationshipsFile = directory.resolve("relationships.spool");
            nodes = new BufferedOutputStream(Files.newOutputStream(nodesFile), 1 << 16);
            relationships = new BufferedOutputStream(Files.newOutputStream(relationshipsFile), 1 << 16);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An encoder for one thread at a time; any number of them share the spool's table of names. */
    Encoder encoder() {
        return new Encoder(names);
    }

    /** A node whose labels and properties an encoder made ({@link Encoder#node}), with its id in the new store. */
    void node(long id, byte[] body) {
        header.size = 0;
        header.putInt(Long.BYTES + body.length);
        header.putLong(id);
        try {
            nodes.write(header.bytes, 0, header.size);
            nodes.write(body);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        nodeCount++;
    }

    void node(StoreNode node) {
        node(node.id(), own.node(node.labels(), node.properties()));
    }

    /** The relationships an encoder holds ({@link Encoder#relationship}); the encoder is then empty. */
    void relationships(Encoder encoded) {
        try {
            relationships.write(encoded.frames.bytes, 0, encoded.frames.size);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        relationshipCount += encoded.relationships;
        encoded.frames.size = 0;
        encoded.relationships = 0;
    }

    void relationship(StoreRelationship relationship) {
        own.relationship(relationship.type(), relationship.start(), relationship.end(), relationship.properties());
        relationships(own);
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
            nodes.close();
            relationships.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reader readNodes() throws IOException {
        return new Reader(nodesFile, true, names.all());
    }

    Reader readRelationships() throws IOException {
        return new Reader(relationshipsFile, false, names.all());
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

    /** Property keys, labels and relationship types by number, numbered as the encoders first meet them. */
    private static final class Names {

        private final Map<String, Integer> numbers = new ConcurrentHashMap<>();

        private final List<String> byNumber = new ArrayList<>();

        int number(String name) {
            Integer known = numbers.get(name);
            return known != null ? known : add(name);
        }

        private synchronized int add(String name) {
            return numbers.computeIfAbsent(name, n -> {
                if (byNumber.size() == Short.MAX_VALUE) {
                    throw new IllegalStateException("more names than a spool numbers: " + n);
                }
                byNumber.add(n);
                return byNumber.size() - 1;
            });
        }

        synchronized String[] all() {
            return byNumber.toArray(String[]::new);
        }
    }

    /**
     * Encodes nodes and relationships into bytes, for one thread; the spool writes them. Nodes one by one (their
     * id is given when written, for claims only then known), relationships appended until the spool takes them.
     */
    static final class Encoder {

        private final Names names;

        private final Bytes node = new Bytes(1 << 10);

        private final Bytes frames = new Bytes(1 << 12);

        private int relationships;

        private Encoder(Names names) {
            this.names = names;
        }

        /** A node's labels and properties: the frame without its length and id. */
        byte[] node(List<String> labels, Map<String, Object> properties) {
            node.size = 0;
            node.putByte(labels.size());
            for (String label : labels) {
                node.putShort(names.number(label));
            }
            properties(node, properties);
            return Arrays.copyOf(node.bytes, node.size);
        }

        /** Appends a relationship's frame. */
        void relationship(String type, long start, long end, Map<String, Object> properties) {
            int frame = frames.size;
            frames.putInt(0); // its length, once known
            frames.putShort(names.number(type));
            frames.putLong(start);
            frames.putLong(end);
            properties(frames, properties);
            int after = frames.size;
            frames.size = frame;
            frames.putInt(after - frame - Integer.BYTES);
            frames.size = after;
            relationships++;
        }

        private void properties(Bytes out, Map<String, Object> properties) {
            int count = 0;
            for (Object value : properties.values()) {
                if (value != null) {
                    count++;
                }
            }
            out.putShort(count);
            for (Map.Entry<String, Object> property : properties.entrySet()) {
                Object value = property.getValue();
                if (value != null) {
                    out.putShort(names.number(property.getKey()));
                    value(out, property.getKey(), value);
                }
            }
        }

        private static void value(Bytes out, String key, Object value) {
            if (value instanceof List<?> list) {
                // an empty list is an empty array of strings, as Cypher stores it
                int items = list.isEmpty() ? STRING : tag(key, list.get(0));
                out.putByte(LIST);
                out.putByte(items);
                out.putInt(list.size());
                for (int i = 0; i < list.size(); i++) {
                    Object item = list.get(i);
                    if (tag(key, item) != items) {
                        throw new IllegalStateException("a list of values of different kinds, which the store cannot hold: " + key + " = " + list);
                    }
                    scalar(out, items, item);
                }
                return;
            }
            int tag = tag(key, value);
            out.putByte(tag);
            scalar(out, tag, value);
        }

        private static int tag(String key, @Nullable Object value) {
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
            throw new IllegalStateException("a value the store cannot hold: " + key + " = " + (value == null ? null : value.getClass().getName()));
        }

        private static void scalar(Bytes out, int tag, Object value) {
            switch (tag) {
                case STRING -> out.putString((String) value);
                case LONG -> out.putLong(((Number) value).longValue());
                case DOUBLE -> out.putLong(Double.doubleToRawLongBits(((Number) value).doubleValue()));
                case BOOLEAN -> out.putByte((Boolean) value ? 1 : 0);
                case DATE -> out.putLong(((LocalDate) value).toEpochDay());
                case DATE_TIME -> {
                    ZonedDateTime time = (ZonedDateTime) value;
                    out.putLong(time.toEpochSecond());
                    out.putInt(time.getNano());
                    out.putString(time.getZone().getId());
                }
                default -> throw new IllegalStateException("not a scalar tag: " + tag);
            }
        }
    }

    /** A growing array of bytes, big-endian like {@link DataInputStream}. */
    private static final class Bytes {

        private byte[] bytes;

        private int size;

        Bytes(int capacity) {
            bytes = new byte[capacity];
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void putByte(int value) {
            room(1);
            bytes[size++] = (byte) value;
        }

        void putShort(int value) {
            room(2);
            bytes[size++] = (byte) (value >>> 8);
            bytes[size++] = (byte) value;
        }

        void putInt(int value) {
            room(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        void putLong(long value) {
            room(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        void putString(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            putInt(utf8.length);
            room(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }
    }

    /** What a decoded frame holds, as Neo4j's importer takes it: lists as arrays of their items' kind. */
    interface Visitor {

        void node(long id, String[] labels);

        void relationship(String type, long start, long end);

        void property(String key, Object value);
    }

    /** Up to a number of whole frames, read in one go; decoded apart ({@link #decode}), by any thread. */
    static final class Frames {

        private byte[] bytes = new byte[1 << 16];

        private int[] starts = new int[16];

        private int count;

        /** The bytes the frames take. */
        private int size;

        int count() {
            return count;
        }

        private void clear() {
            count = 0;
            size = 0;
        }
    }

    /** Decodes one frame of a node spool (or of a relationship spool) into the visitor. */
    static void decode(Frames frames, int frame, boolean node, String[] names, Visitor visitor) {
        Cursor in = new Cursor(frames.bytes, frames.starts[frame], names);
        if (node) {
            long id = in.getLong();
            String[] labels = new String[in.getByte()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = in.name();
            }
            visitor.node(id, labels);
        }
        else {
            visitor.relationship(in.name(), in.getLong(), in.getLong());
        }
        int count = in.getShort();
        for (int i = 0; i < count; i++) {
            String key = in.name();
            visitor.property(key, in.value());
        }
    }

    private static final class Cursor {

        private final byte[] bytes;

        private final String[] names;

        private int at;

        Cursor(byte[] bytes, int at, String[] names) {
            this.bytes = bytes;
            this.at = at;
            this.names = names;
        }

        int getByte() {
            return bytes[at++] & 0xff;
        }

        int getShort() {
            return (bytes[at++] & 0xff) << 8 | bytes[at++] & 0xff;
        }

        int getInt() {
            int value = 0;
            for (int i = 0; i < 4; i++) {
                value = value << 8 | bytes[at++] & 0xff;
            }
            return value;
        }

        long getLong() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = value << 8 | bytes[at++] & 0xff;
            }
            return value;
        }

        String getString() {
            int length = getInt();
            String value = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return value;
        }

        String name() {
            return names[getShort()];
        }

        Object value() {
            int tag = getByte();
            if (tag != LIST) {
                return scalar(tag);
            }
            int items = getByte();
            int length = getInt();
            switch (items) {
                case STRING -> {
                    String[] array = new String[length];
                    for (int i = 0; i < length; i++) {
                        array[i] = getString();
                    }
                    return array;
                }
                case DATE -> {
                    LocalDate[] array = new LocalDate[length];
                    for (int i = 0; i < length; i++) {
                        array[i] = LocalDate.ofEpochDay(getLong());
                    }
                    return array;
                }
                case LONG -> {
                    long[] array = new long[length];
                    for (int i = 0; i < length; i++) {
                        array[i] = getLong();
                    }
                    return array;
                }
                case DOUBLE -> {
                    double[] array = new double[length];
                    for (int i = 0; i < length; i++) {
                        array[i] = Double.longBitsToDouble(getLong());
                    }
                    return array;
                }
                case BOOLEAN -> {
                    boolean[] array = new boolean[length];
                    for (int i = 0; i < length; i++) {
                        array[i] = getByte() != 0;
                    }
                    return array;
                }
                case DATE_TIME -> {
                    ZonedDateTime[] array = new ZonedDateTime[length];
                    for (int i = 0; i < length; i++) {
                        array[i] = (ZonedDateTime) scalar(DATE_TIME);
                    }
                    return array;
                }
                default -> throw new IllegalStateException("not a spool value: list of tag " + items);
            }
        }

        private Object scalar(int tag) {
            return switch (tag) {
                case STRING -> getString();
                case LONG -> getLong();
                case DOUBLE -> Double.longBitsToDouble(getLong());
                case BOOLEAN -> getByte() != 0;
                case DATE -> LocalDate.ofEpochDay(getLong());
                case DATE_TIME -> {
                    long seconds = getLong();
                    int nanos = getInt();
                    yield ZonedDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), ZoneId.of(getString()));
                }
                default -> throw new IllegalStateException("not a spool value: tag " + tag);
            };
        }
    }

    /** What a spool holds, in the order written, frame by frame. */
    static final class Reader implements Closeable {

        private final DataInputStream in;

        private final boolean nodes;

        private final String[] names;

        private final Frames one = new Frames();

        private Reader(Path file, boolean nodes, String[] names) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            this.nodes = nodes;
            this.names = names;
        }

        boolean nodes() {
            return nodes;
        }

        String[] names() {
            return names;
        }

        /** Reads up to {@code max} frames into {@code into}; false at the end of the spool. */
        boolean next(Frames into, int max) throws IOException {
            into.clear();
            while (into.count < max) {
                int length;
                try {
                    length = in.readInt();
                }
                catch (EOFException end) {
                    break;
                }
                if (into.size + length > into.bytes.length) {
                    into.bytes = Arrays.copyOf(into.bytes, Math.max(into.bytes.length * 2, into.size + length));
                }
                if (into.count == into.starts.length) {
                    into.starts = Arrays.copyOf(into.starts, into.starts.length * 2);
                }
                in.readFully(into.bytes, into.size, length);
                into.starts[into.count++] = into.size;
                into.size += length;
            }
            return into.count > 0;
        }

        /** The next node, or null at the end. */
        @Nullable StoreNode nextNode() throws IOException {
            if (!nodes) {
                throw new IllegalStateException("a spool of relationships");
            }
            Collected collected = nextOne();
            return collected == null ? null : new StoreNode(collected.id, List.of(collected.labels), collected.properties);
        }

        /** The next relationship, or null at the end. */
        @Nullable StoreRelationship nextRelationship() throws IOException {
            if (nodes) {
                throw new IllegalStateException("a spool of nodes");
            }
            Collected collected = nextOne();
            return collected == null ? null : new StoreRelationship(collected.type, collected.start, collected.end, collected.properties);
        }

        private @Nullable Collected nextOne() throws IOException {
            if (!next(one, 1)) {
                return null;
            }
            Collected collected = new Collected();
            decode(one, 0, nodes, names, collected);
            return collected;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static final class Collected implements Visitor {

        long id;

        long start;

        long end;

        String[] labels = {};

        String type = "";

        final Map<String, Object> properties = new LinkedHashMap<>();

        @Override
        public void node(long id, String[] labels) {
            this.id = id;
            this.labels = labels;
        }

        @Override
        public void relationship(String type, long start, long end) {
            this.type = type;
            this.start = start;
            this.end = end;
        }

        @Override
        public void property(String key, Object value) {
            properties.put(key, value);
        }
    }
}
