package io.zerowire.processor.behaviour;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.BufferView;
import io.zerowire.processor.behaviour.widths.WidthLayoutCatalog;
import io.zerowire.processor.behaviour.widths.WidthLayoutCatalog.Field;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reaches the view and builder that the processor generated for a catalog layout by reflection,
 * since every layout has its own generated API: {@code f5()}, {@code setF5(int)} on the view and
 * {@code f5(int)} on the builder.
 */
final class ReflectiveLayout {
    private static final Map<String, ReflectiveLayout> CACHE = new HashMap<>();

    final WidthLayoutCatalog.Layout spec;
    final Class<?> view;
    final Class<?> builder;
    private final Method parse;
    private final Map<String, Method> getters = new HashMap<>();
    private final Map<String, Method> viewSetters = new HashMap<>();
    private final Map<String, Method> builderSetters = new HashMap<>();

    private ReflectiveLayout(WidthLayoutCatalog.Layout spec) throws ReflectiveOperationException {
        this.spec = spec;
        this.view = Class.forName(spec.viewClass());
        this.builder = Class.forName(spec.builderClass());
        this.parse = view.getMethod("parse", BufferView.class);
        for (Field field : spec.fields()) {
            Class<?> type = field.isLong() ? long.class : int.class;
            String name = field.name();
            Method getter = view.getMethod(name);
            if (getter.getReturnType() != type) {
                throw new AssertionError(spec + "." + name + "() returns " + getter.getReturnType() + ", expected " + type);
            }
            getters.put(name, getter);
            viewSetters.put(name, view.getMethod("set" + Character.toUpperCase(name.charAt(0)) + name.substring(1), type));
            builderSetters.put(name, builder.getMethod(name, type));
        }
    }

    static synchronized ReflectiveLayout of(WidthLayoutCatalog.Layout spec) {
        return CACHE.computeIfAbsent(spec.view(), name -> {
            try {
                return new ReflectiveLayout(spec);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("the processor did not generate the expected API for " + name, e);
            }
        });
    }

    int fixedLength() {
        try {
            return view.getField("FIXED_LENGTH").getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    String layer() {
        try {
            return (String) view.getField("LAYER").get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    PacketBuilder newBuilder() {
        try {
            return (PacketBuilder) builder.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Sets a field on a builder; the value must fit the field (an int field gets its low 32 bits). */
    void build(PacketBuilder target, Field field, long value) {
        invoke(builderSetters.get(field.name()), target, argument(field, value));
    }

    /** Parses a header from the front of the buffer. */
    Object parse(PacketBuffer buffer) throws io.zerowire.parse.ParseException {
        try {
            return parse.invoke(null, buffer);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof io.zerowire.parse.ParseException) {
                throw (io.zerowire.parse.ParseException) e.getCause();
            }
            throw rethrow(e);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    /** The getter's value, widened to long (sign-extended for int getters). */
    long get(Object target, Field field) {
        return ((Number) invoke(getters.get(field.name()), target)).longValue();
    }

    /** Sets a field in place through the view's setter. */
    void set(Object target, Field field, long value) {
        invoke(viewSetters.get(field.name()), target, argument(field, value));
    }

    /** The header alone, serialized over an empty body. */
    static byte[] serialize(PacketBuilder builder) {
        try {
            return Serializer.of(new byte[0]).encapsulate(builder).serialize().toByteArray();
        } catch (SizeLimitExceededException e) {
            throw new AssertionError(e);
        }
    }

    /** The header serialized into a caller's buffer that was filled with {@code fill} before. */
    static byte[] serializeInto(Serializer serializer, int capacity, byte fill) {
        byte[] scratch = new byte[capacity];
        Arrays.fill(scratch, fill);
        try {
            return serializer.serialize(BufferProvider.into(PacketBuffer.wrap(scratch))).toByteArray();
        } catch (SizeLimitExceededException e) {
            throw new AssertionError(e);
        }
    }

    private static Object argument(Field field, long value) {
        if (field.isLong()) {
            return Long.valueOf(value);
        }
        return Integer.valueOf((int) value);
    }

    private static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw rethrow(e);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static RuntimeException rethrow(InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        throw new AssertionError(cause);
    }
}
