package io.zerowire.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.zerowire.annotations.Endian;
import java.nio.ByteOrder;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes the class of a valid option header: a constant {@code FORMAT} that builds the runtime's
 * {@code OptionFormat} from the declaration, once, when the class is loaded.
 */
final class OptionHeaderWriter {
    private final OptionHeaderModel model;
    private final boolean annotateGenerated;

    OptionHeaderWriter(OptionHeaderModel model, boolean annotateGenerated) {
        this.model = model;
        this.annotateGenerated = annotateGenerated;
    }

    TypeSpec write() {
        OptionHeaderDeclaration header = model.declaration();
        ClassName layout = ClassName.get(header.element());
        TypeSpec.Builder spec = TypeSpec.classBuilder(header.formatClass());
        if (annotateGenerated) {
            spec.addAnnotation(Generation.generated());
        }
        if (header.element().getModifiers().contains(Modifier.PUBLIC)) {
            spec.addModifiers(Modifier.PUBLIC);
        }
        return spec.addOriginatingElement(header.element())
                .addModifiers(Modifier.FINAL)
                .addJavadoc("The option format that {@link $T} declares.\n", layout)
                .addField(FieldSpec.builder(RuntimeTypes.OPTION_FORMAT, "FORMAT",
                                Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The rules of the option lists whose options start with a {@link $T}.\n", layout)
                        .initializer(format())
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .build();
    }

    private CodeBlock format() {
        OptionHeaderDeclaration header = model.declaration();
        CodeBlock.Builder code = CodeBlock.builder()
                .add("$T.builder()\n", RuntimeTypes.OPTION_FORMAT)
                .indent().indent()
                .add(".name($S)\n", header.name())
                .add(".headerSize($L)\n", model.headerSize())
                .add(".kindBits($L, $L)\n", model.kindOffset(), model.kindWidth())
                .add(".lengthBits($L, $L)\n", model.lengthOffset(), model.lengthWidth())
                .add(".byteOrder($T.$L)\n", ByteOrder.class,
                        header.order() == Endian.LITTLE ? "LITTLE_ENDIAN" : "BIG_ENDIAN")
                .add(".lengthIncludesHeader($L)\n", model.lengthIncludesHeader())
                .add(".lengthUnit($L)\n", model.lengthUnit());
        if (!header.singleByteKinds().isEmpty()) {
            code.add(".singleByteKinds($L)\n",
                    header.singleByteKinds().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        if (header.endOfList() >= 0) {
            code.add(".endOfListKind($L)\n", header.endOfList());
        }
        if (header.valueAlignment() != 1) {
            code.add(".valueAlignment($L)\n", header.valueAlignment());
        }
        code.add(".padding($T.Padding.$L)\n", RuntimeTypes.OPTION_FORMAT, header.padding());
        if (header.pad1() >= 0) {
            code.add(".pad1Kind($L)\n", header.pad1());
        }
        if (header.padN() >= 0) {
            code.add(".padNKind($L)\n", header.padN());
        }
        return code.add(".regionAlignment($L)\n", header.regionAlignment())
                .add(".maxOptions($L)\n", header.maxOptions())
                .add(".build()")
                .unindent().unindent()
                .build();
    }
}
