package io.zerowire.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes what a repeated group ({@code @Repeated}) adds to a view and a builder. The view walks the
 * group once, in {@code wrap} (bounded by the declared maximum), and keeps only the element count:
 * elements are of fixed size, so element {@code i} is at {@code FIXED_LENGTH + i * size}. A nested
 * layout's elements are read through one element view and one buffer, created with the view and
 * re-pointed on each access. The builder writes the elements it was given after the fixed fields
 * and derives the count field (or each element's end flag) from them.
 */
final class RepeatedGroupWriter {
    private final LayoutModel model;
    private final RepeatedGroup group;
    private final BitCodec codec;

    RepeatedGroupWriter(LayoutModel model) {
        this.model = model;
        this.group = model.group();
        this.codec = new BitCodec(model.endian(), model.fixedLength());
    }

    boolean any() {
        return group != null;
    }

    private String name() {
        return group.name();
    }

    private String count() {
        return GeneratedNames.counter(name());
    }

    private String element() {
        return name() + "Element";
    }

    private String elementBuffer() {
        return name() + "Buffer";
    }

    private boolean nested() {
        return group.elementKind() == RepeatedGroup.Kind.LAYOUT;
    }

    private String max() {
        return GeneratedNames.offsetConstant(name()).replace("_OFFSET", "_MAX");
    }

    // ---- view ----

    void addViewFields(TypeSpec.Builder type) {
        if (group == null) {
            return;
        }
        type.addField(FieldSpec.builder(TypeName.INT, max(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The most elements of {@code $L} a parse accepts; more is an {@code UNSUPPORTED} error.\n",
                        name())
                .initializer("$L", group.max())
                .build());
        type.addField(FieldSpec.builder(TypeName.INT, sizeConstant(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Bytes of one element of {@code $L}.\n", name())
                .initializer("$L", group.elementSize())
                .build());
        type.addField(TypeName.INT, count(), Modifier.PRIVATE);
        if (nested()) {
            ClassName view = group.elementView();
            type.addField(FieldSpec.builder(view, element(), Modifier.PRIVATE, Modifier.FINAL)
                    .addJavadoc("The one element view, re-pointed by {@code wrap} and {@link #$L(int)}.\n", name())
                    .initializer("new $T()", view)
                    .build());
            type.addField(FieldSpec.builder(RuntimeTypes.PACKET_BUFFER, elementBuffer(), Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("$T.allocate(0, 0, 0)", RuntimeTypes.PACKET_BUFFER)
                    .build());
        }
    }

    private String sizeConstant() {
        return GeneratedNames.offsetConstant(name()).replace("_OFFSET", "_SIZE");
    }

    /**
     * {@code wrap}'s statements after {@code headerLength} is known: they find the element count
     * (from the count field, or by walking to the element whose flag is set, never past the bound),
     * check that the elements fit (in the buffer, or in the header length a field gives) and, without
     * a header length field, add them to {@code headerLength}.
     */
    CodeBlock wrap(boolean headerLengthField) {
        if (group == null) {
            return CodeBlock.of("");
        }
        CodeBlock.Builder code = CodeBlock.builder();
        String limit = headerLengthField ? "headerLength" : "available";
        String limitName = headerLengthField ? "the header length" : "the end of the buffer";
        if (group.count() != null) {
            FieldModel counter = group.count();
            code.addStatement("long $L = $L$L", count(), codec.read(counter.bitOffset(), counter.bitWidth()).asLong(),
                    group.countOffset() == 0 ? "" : " + " + group.countOffset());
            code.beginControlFlow("if ($L > $L)", count(), max())
                    .addStatement("throw $T.unsupported(LAYER, $S, $L, $S, $L, $L)", RuntimeTypes.PARSE_EXCEPTION,
                            counter.name(), errorOffset(counter), "%d elements, more than the %d this layout accepts",
                            count(), max())
                    .endControlFlow();
            code.beginControlFlow("if (FIXED_LENGTH + $L * $L > $L)", count(), sizeConstant(), limit)
                    .addStatement("throw $T.malformed(LAYER, $S, position + FIXED_LENGTH, $S, $L, $L)",
                            RuntimeTypes.PARSE_EXCEPTION, name(),
                            "%d elements of %d bytes run past " + limitName, count(), sizeConstant())
                    .endControlFlow();
            if (nested()) {
                code.beginControlFlow("for (int i = 0; i < $L; i++)", count())
                        .add("// Validates each element once (its constants), so that reading it later cannot fail.\n")
                        .addStatement("$L.wrap($L.rewrap(array, offset - position, position + $L)"
                                + ".resetBody(position + FIXED_LENGTH + i * $L, $L))", element(), elementBuffer(),
                                limit, sizeConstant(), sizeConstant())
                        .endControlFlow();
            }
        } else {
            code.addStatement("int $L = 0", count());
            code.beginControlFlow("for (boolean last = false; !last; $L++)", count())
                    .beginControlFlow("if ($L == $L)", count(), max())
                    .addStatement("throw $T.unsupported(LAYER, $S, position + FIXED_LENGTH, $S, $L)",
                            RuntimeTypes.PARSE_EXCEPTION, name(),
                            "no element with " + group.until() + " set among the %d this layout accepts", max())
                    .endControlFlow()
                    .addStatement("int at = FIXED_LENGTH + $L * $L", count(), sizeConstant())
                    .beginControlFlow("if (at + $L > $L)", sizeConstant(), limit)
                    .addStatement("throw $T.malformed(LAYER, $S, position + at, $S, $L)", RuntimeTypes.PARSE_EXCEPTION,
                            name(), "%d elements without " + group.until() + " set reach " + limitName, count())
                    .endControlFlow()
                    .addStatement("last = $L.wrap($L.rewrap(array, offset - position, position + $L)"
                            + ".resetBody(position + at, $L)).$L()", element(), elementBuffer(), limit,
                            sizeConstant(), group.until())
                    .endControlFlow();
        }
        if (!headerLengthField) {
            code.addStatement("headerLength += $L$L * $L", group.count() != null ? "(int) " : "", count(), sizeConstant());
        }
        return code.build();
    }

    /** {@code wrap}'s statement that keeps the count, once nothing can fail any more. */
    CodeBlock wrapCommit() {
        if (group == null) {
            return CodeBlock.of("");
        }
        return CodeBlock.of("this.$L = $L$L;\n", count(), group.count() != null ? "(int) " : "", count());
    }

    void addViewAccessors(TypeSpec.Builder type, ClassName view) {
        if (group == null) {
            return;
        }
        String name = name();
        type.addMethod(MethodSpec.methodBuilder(count())
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addJavadoc("The number of elements of {@code $L}, at most {@link #$L}.\n", name, max())
                .addStatement("return $L", count())
                .build());
        type.addMethod(MethodSpec.methodBuilder(GeneratedNames.offsetGetter(name))
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addParameter(TypeName.INT, "index")
                .addJavadoc("Array index of the first byte of element {@code index} of {@code $L}.\n\n", name)
                .addJavadoc("@throws IndexOutOfBoundsException unless {@code 0 <= index < $L()}\n", count())
                .addStatement("return offset + FIXED_LENGTH + $T.checkIndex(index, $L) * $L", Objects.class, count(),
                        sizeConstant())
                .build());
        MethodSpec.Builder at = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(TypeName.INT, "index");
        if (nested()) {
            at.returns(group.elementView())
                    .addJavadoc("Element {@code index} of {@code $L}, through the one element view this view holds: "
                            + "each call re-points it, so keep what you need from it before the next.\n\n", name)
                    .addJavadoc("@throws IndexOutOfBoundsException unless {@code 0 <= index < $L()}\n", count())
                    .addStatement("int at = $L(index)", GeneratedNames.offsetGetter(name))
                    .addCode(validated("index", CodeBlock.of("return $L.wrap($L.rewrap(array, at, $L))", element(),
                            elementBuffer(), sizeConstant())));
        } else {
            at.returns(group.elementType())
                    .addJavadoc("Element {@code index} of {@code $L}$L.\n\n", name,
                            group.elementKind() == RepeatedGroup.Kind.IPV4
                                    ? "; {@link #" + GeneratedNames.bitsGetter(name) + "(int)} reads it without allocating"
                                    : "; {@link #" + GeneratedNames.offsetGetter(name) + "(int)} finds it in place")
                    .addJavadoc("@throws IndexOutOfBoundsException unless {@code 0 <= index < $L()}\n", count())
                    .addStatement("return $T.read(array, $L(index))", group.elementType(),
                            GeneratedNames.offsetGetter(name));
        }
        type.addMethod(at.build());
        if (group.elementKind() == RepeatedGroup.Kind.IPV4) {
            type.addMethod(MethodSpec.methodBuilder(GeneratedNames.bitsGetter(name))
                    .addModifiers(Modifier.PUBLIC)
                    .returns(TypeName.INT)
                    .addParameter(TypeName.INT, "index")
                    .addJavadoc("The bits of element {@code index} of {@code $L}, without allocating.\n\n", name)
                    .addJavadoc("@throws IndexOutOfBoundsException unless {@code 0 <= index < $L()}\n", count())
                    .addStatement("return $T.i32(array, $L(index))", RuntimeTypes.BYTES, GeneratedNames.offsetGetter(name))
                    .build());
        }
        TypeName elementType = group.elementType();
        MethodSpec.Builder list = MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(group.listType())
                .addJavadoc("A copy of the elements of {@code $L}$L; {@link #$L(int)} reads them in place.\n", name,
                        nested() ? ", each in a view of its own" : "", name)
                .addStatement("$T copies = new $T[$L]", ArrayTypeName.of(elementType), elementType, count())
                .beginControlFlow("for (int i = 0; i < $L; i++)", count());
        if (nested()) {
            list.addCode(validated("i", CodeBlock.of("copies[i] = $T.parse($T.wrap(array, $L(i), $L))",
                    group.elementView(), RuntimeTypes.PACKET_BUFFER, GeneratedNames.offsetGetter(name), sizeConstant())));
        } else {
            list.addStatement("copies[i] = $L(i)", name);
        }
        type.addMethod(list.endControlFlow()
                .addStatement("return $T.of(copies)", List.class)
                .build());
    }

    /**
     * {@code statement}, which wraps an element view, in the catch that wrap's validation makes
     * unreachable: only bytes changed behind the view's back since then get there.
     */
    private CodeBlock validated(String index, CodeBlock statement) {
        return CodeBlock.builder()
                .beginControlFlow("try")
                .addStatement(statement)
                .nextControlFlow("catch ($T e)", RuntimeTypes.PARSE_EXCEPTION)
                .addStatement("throw new $T($S + $L + $S, e)", IllegalStateException.class, "element ", index,
                        " of " + name() + " changed since wrap validated it")
                .endControlFlow()
                .build();
    }

    CodeBlock toStringParts() {
        if (group == null) {
            return CodeBlock.of("");
        }
        return CodeBlock.of("text.append($S).append($L());\n",
                (model.fields().isEmpty() ? "" : ", ") + name() + "=", name());
    }

    private static CodeBlock errorOffset(FieldModel field) {
        return field.byteOffset() == 0 ? CodeBlock.of("position") : CodeBlock.of("position + $L", field.byteOffset());
    }

    // ---- builder ----

    private TypeName builderElement() {
        return nested() ? group.elementBuilder() : group.elementType();
    }

    private TypeName builderList() {
        return ParameterizedTypeName.get(ClassName.get(List.class), builderElement());
    }

    void addBuilderFields(TypeSpec.Builder type) {
        if (group == null) {
            return;
        }
        type.addField(FieldSpec.builder(builderList(), name(), Modifier.PRIVATE)
                .initializer("$T.of()", List.class)
                .build());
        if (group.count() != null) {
            type.addField(TypeName.BOOLEAN, GeneratedNames.overrideFlag(group.count().name()), Modifier.PRIVATE);
        }
        if (nested()) {
            type.addField(FieldSpec.builder(RuntimeTypes.SERIALIZE_TARGET, name() + "Target", Modifier.PRIVATE,
                            Modifier.FINAL)
                    .initializer("new $T()", RuntimeTypes.SERIALIZE_TARGET)
                    .build());
            type.addField(FieldSpec.builder(RuntimeTypes.PACKET_BUFFER, name() + "Body", Modifier.PRIVATE, Modifier.FINAL)
                    .addJavadoc("The empty body each element is written around.\n")
                    .initializer("$T.allocate(0, 0, 0)", RuntimeTypes.PACKET_BUFFER)
                    .build());
        }
    }

    /** The fewest and most elements the builder takes: what the count field can say and the parser accepts. */
    private long fewest() {
        return group.count() != null ? Math.max(0, group.countOffset()) : 1;
    }

    private long most() {
        if (group.count() == null) {
            return group.max();
        }
        return Math.min(group.max(), BitCodec.mask(Math.min(group.count().bitWidth(), 62)) + group.countOffset());
    }

    void addBuilderSetters(TypeSpec.Builder type, ClassName builder) {
        if (group == null) {
            return;
        }
        String name = name();
        String derived = group.count() != null
                ? "{@code " + group.count().name() + "} is derived from their number"
                : "each element's {@code " + group.until() + "} is set on the last one and cleared on the others";
        MethodSpec.Builder setter = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(builderList(), name)
                .addJavadoc("Sets the elements of {@code $L}, $L to $L of them; $L$L.\n\n", name, fewest(), most(), derived,
                        nested() ? ". The element builders are read when serializing" : "")
                .addJavadoc("@return this builder\n")
                .addJavadoc("@throws IllegalArgumentException if there are fewer or more elements than that\n")
                .addStatement("$T copy = $T.copyOf($L)", builderList(), List.class, name);
        setter.beginControlFlow(fewest() == 0 ? CodeBlock.of("if (copy.size() > $L)", most()).toString()
                        : CodeBlock.of("if (copy.size() < $L || copy.size() > $L)", fewest(), most()).toString())
                .addStatement("throw new $T($S + copy.size())", IllegalArgumentException.class,
                        name + " takes " + fewest() + " to " + most() + " elements, was ")
                .endControlFlow();
        setter.addStatement("this.$L = copy", name).addStatement("return this");
        type.addMethod(setter.build());
    }

    /** The bytes the elements add to the header, as a term for {@code constraints()}. */
    CodeBlock builderLength() {
        if (group == null) {
            return CodeBlock.of("");
        }
        return CodeBlock.of(" + this.$L.size() * $T.$L", name(), model.viewClass(), sizeConstant());
    }

    /** The count field's bits when building: derived from the elements unless set explicitly. */
    CodeBlock countValue(FieldModel field) {
        String number = "this." + name() + ".size()" + (group.countOffset() == 0 ? "" : " - " + group.countOffset());
        return CodeBlock.of("($L ? this.$L : $L$L)", GeneratedNames.overrideFlag(field.name()), field.name(),
                field.kind() == FieldKind.LONG ? "(long) " : "", group.countOffset() == 0 || field.kind() != FieldKind.LONG
                        ? number : "(" + number + ")");
    }

    CodeBlock copyFrom() {
        if (group == null) {
            return CodeBlock.of("");
        }
        CodeBlock.Builder code = CodeBlock.builder();
        if (group.count() != null) {
            code.addStatement("this.$L = false", GeneratedNames.overrideFlag(group.count().name()));
        }
        if (!nested()) {
            return code.addStatement("$L(header.$L())", name(), name()).build();
        }
        code.addStatement("$T<$T> elements = new $T<>()", List.class, builderElement(), ArrayList.class)
                .beginControlFlow("for ($T element : header.$L())", group.elementLayout(), name())
                .addStatement("elements.add(new $T().copyFrom(element))", builderElement())
                .endControlFlow()
                .addStatement("$L(elements)", name());
        return code.build();
    }

    /** {@code serialize}'s statements that write the elements after the fixed fields. */
    CodeBlock serialize() {
        if (group == null) {
            return CodeBlock.of("");
        }
        ClassName view = model.viewClass();
        CodeBlock.Builder code = CodeBlock.builder()
                .beginControlFlow("for (int i = 0, n = this.$L.size(); i < n; i++)", name())
                .addStatement("int at = offset + $T.FIXED_LENGTH + i * $T.$L", view, view, sizeConstant());
        if (!nested()) {
            code.addStatement("this.$L.get(i).write(array, at)", name());
        } else {
            code.addStatement("$T element = this.$L.get(i)", builderElement(), name());
            if (group.until() != null) {
                code.addStatement("element.$L(i == n - 1)", group.until());
            }
            code.addStatement("element.serialize(this.$LTarget.set(array, at, $T.$L, at + $T.$L, 0), this.$LBody)",
                    name(), view, sizeConstant(), view, sizeConstant(), name());
        }
        return code.endControlFlow().build();
    }
}
