package io.zerowire.processor;

import com.palantir.javapoet.ClassName;
import io.zerowire.annotations.Endian;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads an {@code @OptionHeader} interface into an {@link OptionHeaderDeclaration}, reporting
 * nothing: {@link OptionHeaderRules} judges it. Also names the class generated for it, which the
 * headers whose {@code @Options} name the interface refer to.
 */
final class OptionHeaderReader {
    static final String OPTION_HEADER = "io.zerowire.annotations.OptionHeader";
    private static final String ANNOTATIONS = "io.zerowire.annotations.";

    private final Elements elements;

    OptionHeaderReader(Elements elements) {
        this.elements = elements;
    }

    OptionHeaderDeclaration read(TypeElement type) {
        AnnotationMirror mirror = LayoutReader.Mirrors.find(type, OPTION_HEADER);
        String name = LayoutReader.Mirrors.stringValue(mirror, "name");
        if (name.isEmpty()) {
            name = baseName(type).toLowerCase(Locale.ROOT);
        }
        List<OptionHeaderDeclaration.Field> fields = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (LayoutReader.isHelper(method)) {
                continue;
            }
            AnnotationMirror bits = LayoutReader.Mirrors.find(method, ANNOTATIONS + "Bits");
            AnnotationMirror length = LayoutReader.Mirrors.find(method, ANNOTATIONS + "OptionLength");
            fields.add(new OptionHeaderDeclaration.Field(
                    method,
                    method.getSimpleName().toString(),
                    method.getReturnType().getKind(),
                    bits == null ? null : LayoutReader.Mirrors.intValue(bits, "value"),
                    LayoutReader.Mirrors.find(method, ANNOTATIONS + "OptionKind"),
                    length,
                    length == null ? 0 : LayoutReader.Mirrors.intValue(length, "unit"),
                    length == null ? null : LayoutReader.Mirrors.enumValue(length, "counts")));
        }
        List<Integer> singles = new ArrayList<>();
        for (Object value : (List<?>) LayoutReader.Mirrors.value(mirror, "singleByteKinds")) {
            singles.add(((Number) ((AnnotationValue) value).getValue()).intValue());
        }
        return new OptionHeaderDeclaration(
                type,
                mirror,
                elements.getPackageOf(type).getQualifiedName().toString(),
                formatClass(type),
                name,
                Endian.valueOf(LayoutReader.Mirrors.enumValue(mirror, "order")),
                fields,
                singles,
                LayoutReader.Mirrors.intValue(mirror, "endOfList"),
                LayoutReader.Mirrors.intValue(mirror, "valueAlignment"),
                LayoutReader.Mirrors.enumValue(mirror, "padding"),
                LayoutReader.Mirrors.intValue(mirror, "pad1"),
                LayoutReader.Mirrors.intValue(mirror, "padN"),
                LayoutReader.Mirrors.intValue(mirror, "regionAlignment"),
                LayoutReader.Mirrors.intValue(mirror, "maxOptions"));
    }

    /** The generated class of an option header: {@code TcpOptionLayout} gives {@code TcpOptionFormat}, beside it. */
    static ClassName formatClass(TypeElement type) {
        Element owner = type.getEnclosingElement();
        while (!(owner instanceof PackageElement)) {
            owner = owner.getEnclosingElement();
        }
        return ClassName.get(((PackageElement) owner).getQualifiedName().toString(), baseName(type) + "Format");
    }

    private static String baseName(TypeElement type) {
        String simple = type.getSimpleName().toString();
        return simple.endsWith("Layout") && simple.length() > "Layout".length()
                ? simple.substring(0, simple.length() - "Layout".length())
                : simple;
    }
}
