package org.criticalminerals.api;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.criticalminerals.model.Node;
import org.jspecify.annotations.Nullable;

/**
 * Maps what a statement returns (rows shaped by {@link Entities#shape}) to the API's typed records: each record
 * component is read from the map entry of its name, converted to the component's type, nested records and lists at
 * any depth. A component typed as an interface ({@link Node}, a union such as {@code Site}) takes the entity record
 * named by the map's GraphQL type name. A nested record with a {@code public static of(Map)} factory is built by it
 * (a claim keeps all its stored properties). The GraphQL schema inspection then checks every record against the SDL.
 */
public final class Records {

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private Records() {
    }

    /** The record of this type read from a shaped map. */
    public static <R extends Record> R read(Class<R> type, Map<String, ?> values) {
        return type.cast(shape(type).build(values));
    }

    /** Each map read as a record of this type. */
    public static <R extends Record> List<R> readAll(Class<R> type, List<? extends Map<String, ?>> values) {
        List<R> records = new ArrayList<>(values.size());
        values.forEach(value -> records.add(read(type, value)));
        return records;
    }

    /** An entity as the record of its GraphQL type, which must be (or implement) {@code type}. */
    public static <T> T entity(Class<T> type, Map<String, ?> values) {
        return type.cast(convert(type, type, values, type.getSimpleName()));
    }

    /** The record class of an entity type: the class of that name in {@code org.criticalminerals.model}. */
    public static Class<? extends Node> entityClass(String typeName) {
        if (!Entities.TYPES.contains(typeName)) {
            throw new IllegalArgumentException("no entity type " + typeName);
        }
        try {
            return Class.forName(Node.class.getPackageName() + "." + typeName).asSubclass(Node.class);
        }
        catch (ClassNotFoundException ex) {
            throw new IllegalStateException("entity type " + typeName + " has no record in " + Node.class.getPackageName(), ex);
        }
    }

    private static Shape shape(Class<?> type) {
        return SHAPES.computeIfAbsent(type, Shape::of);
    }

    private static @Nullable Object convert(Class<?> raw, Type generic, @Nullable Object value, String where) {
        if (value == null) {
            return List.class.isAssignableFrom(raw) ? List.of() : null;
        }
        if (raw.isInstance(value) && !(value instanceof List<?>) && !(raw == Object.class && value instanceof Map<?, ?>)) {
            return value;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (value instanceof Boolean bool) {
                return bool;
            }
            throw new IllegalStateException(where + ": cannot read " + value.getClass().getSimpleName() + " as a boolean");
        }
        if (raw == String.class) {
            return value.toString();
        }
        if (raw == Integer.class || raw == int.class) {
            return ((Number) value).intValue();
        }
        if (raw == Long.class || raw == long.class) {
            return ((Number) value).longValue();
        }
        if (raw == Double.class || raw == double.class) {
            return ((Number) value).doubleValue();
        }
        if (raw == BigDecimal.class) {
            return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
        }
        if (raw == OffsetDateTime.class && value instanceof ZonedDateTime zoned) {
            return zoned.toOffsetDateTime();
        }
        if (List.class.isAssignableFrom(raw) && value instanceof List<?> list) {
            Type element = generic instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[0] : Object.class;
            Class<?> elementRaw = rawClass(element);
            List<@Nullable Object> converted = new ArrayList<>(list.size());
            list.forEach(item -> converted.add(convert(elementRaw, element, item, where + "[]")));
            return converted;
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> values = (Map<String, ?>) map;
            if (raw.isRecord()) {
                return shape(raw).factory() != null ? shape(raw).fromFactory(values) : shape(raw).build(values);
            }
            if (raw.isInterface() && values.get(Entities.TYPENAME) instanceof String typeName) {
                Class<? extends Node> entity = entityClass(typeName);
                if (raw.isAssignableFrom(entity)) {
                    return shape(entity).build(values);
                }
                throw new IllegalStateException(where + ": a " + typeName + " is no " + raw.getSimpleName());
            }
            if (raw == Map.class || raw == Object.class) {
                return map;
            }
        }
        throw new IllegalStateException(where + ": cannot read " + value.getClass().getSimpleName() + " as " + raw.getSimpleName());
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> cls) {
            return cls;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return Object.class;
    }

    /** How one record type is built: its components and canonical constructor. */
    private record Shape(Class<?> type, RecordComponent[] components, MethodHandle constructor, @Nullable MethodHandle factory) {

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type + " is no record");
            }
            RecordComponent[] components = type.getRecordComponents();
            try {
                MethodHandle constructor = MethodHandles.publicLookup().in(type).findConstructor(type,
                        MethodType.methodType(void.class, Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new)));
                MethodHandle factory = null;
                try {
                    factory = MethodHandles.publicLookup().findStatic(type, "of", MethodType.methodType(type, Map.class));
                }
                catch (NoSuchMethodException | IllegalAccessException ex) {
                    // built from its components
                }
                return new Shape(type, components, constructor.asSpreader(Object[].class, components.length), factory);
            }
            catch (ReflectiveOperationException | IllegalArgumentException ex) {
                throw new IllegalStateException("record " + type.getName() + " needs a public canonical constructor", ex);
            }
        }

        Object fromFactory(Map<String, ?> values) {
            try {
                return java.util.Objects.requireNonNull(factory).invoke(values);
            }
            catch (RuntimeException ex) {
                throw ex;
            }
            catch (Throwable ex) {
                throw new IllegalStateException("cannot build " + type.getName(), ex);
            }
        }

        Object build(Map<String, ?> values) {
            @Nullable Object[] arguments = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                String where = type.getSimpleName() + "." + component.getName();
                Object value = convert(component.getType(), component.getGenericType(), values.get(component.getName()), where);
                if (value == null && component.getType().isPrimitive()) {
                    throw new IllegalStateException(where + " has no value");
                }
                arguments[i] = value;
            }
            try {
                return constructor.invoke(arguments);
            }
            catch (RuntimeException ex) {
                throw ex;
            }
            catch (Throwable ex) {
                throw new IllegalStateException("cannot build " + type.getName(), ex);
            }
        }
    }
}
