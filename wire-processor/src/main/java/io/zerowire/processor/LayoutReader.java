package io.zerowire.processor;

import com.palantir.javapoet.ClassName;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Endian;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads a {@code @Header} interface into a {@link LayoutDeclaration}. It reports nothing: every
 * judgement about what it read belongs to {@link LayoutValidator}.
 */
final class LayoutReader {
    private static final String ANNOTATIONS = "io.zerowire.annotations.";

    private final Elements elements;

    LayoutReader(Elements elements) {
        this.elements = elements;
    }

    LayoutDeclaration read(TypeElement type) {
        AnnotationMirror header = Mirrors.find(type, ANNOTATIONS + "Header");
        String viewName = viewName(type, header);
        String layer = Mirrors.stringValue(header, "layer");
        if (layer.isEmpty()) {
            layer = viewName.toLowerCase(Locale.ROOT);
        }
        Endian endian = Endian.valueOf(Mirrors.enumValue(header, "order"));
        int minBody = Mirrors.intValue(header, "minBodyLength");

        List<FieldDeclaration> fields = readFields(type);
        String packageName = elements.getPackageOf(type).getQualifiedName().toString();
        return new LayoutDeclaration(type, header, packageName, viewName, layer, endian, minBody,
                type.getTypeParameters(), fields);
    }

    /** The fields of a layout, helpers left out; also what a repeated group reads of its element layout. */
    static List<FieldDeclaration> readFields(TypeElement type) {
        List<FieldDeclaration> fields = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (isHelper(method)) {
                continue;
            }
            fields.add(readField(type, method));
        }
        return fields;
    }

    /** The view's simple name: {@code @Header(name)}, or the interface's name without {@code Layout}. */
    static String viewName(TypeElement type, AnnotationMirror header) {
        String name = Mirrors.stringValue(header, "name");
        String simpleName = type.getSimpleName().toString();
        return !name.isEmpty() ? name
                : simpleName.endsWith("Layout") && simpleName.length() > "Layout".length()
                        ? simpleName.substring(0, simpleName.length() - "Layout".length())
                        : simpleName + "View";
    }

    /** Static, private and default methods are helpers, not fields: the view inherits the default ones. */
    static boolean isHelper(ExecutableElement method) {
        return method.getModifiers().contains(Modifier.STATIC) || method.getModifiers().contains(Modifier.PRIVATE)
                || method.getModifiers().contains(Modifier.DEFAULT);
    }

    private static FieldDeclaration readField(TypeElement layout, ExecutableElement method) {
        TypeMirror type = method.getReturnType();
        FieldKind kind = classify(layout, type);
        ClassName enumType = null;
        String enumProblem = null;
        if (kind == FieldKind.UNSUPPORTED && type.getKind() == TypeKind.DECLARED) {
            TypeElement typeElement = (TypeElement) ((DeclaredType) type).asElement();
            enumProblem = OpenEnums.problem(typeElement);
            if (enumProblem == null || OpenEnums.looksLikeOpenEnum(typeElement)) {
                kind = FieldKind.ENUM;
                enumType = ClassName.get(typeElement);
            }
        }

        AnnotationMirror bits = Mirrors.find(method, ANNOTATIONS + "Bits");
        AnnotationMirror signed = Mirrors.find(method, ANNOTATIONS + "Signed");
        AnnotationMirror constant = Mirrors.find(method, ANNOTATIONS + "Const");
        AnnotationMirror reserved = Mirrors.find(method, ANNOTATIONS + "Reserved");
        AnnotationMirror headerLength = Mirrors.find(method, ANNOTATIONS + "HeaderLength");
        AnnotationMirror totalLength = Mirrors.find(method, ANNOTATIONS + "TotalLength");
        AnnotationMirror checksum = Mirrors.find(method, ANNOTATIONS + "Checksum");
        AnnotationMirror options = Mirrors.find(method, ANNOTATIONS + "Options");
        AnnotationMirror size = Mirrors.find(method, ANNOTATIONS + "Size");

        FieldDeclaration.ChecksumSpec checksumSpec = checksum == null ? null
                : new FieldDeclaration.ChecksumSpec(
                        Checksum.Coverage.valueOf(Mirrors.enumValue(checksum, "covers")),
                        Checksum.Verify.valueOf(Mirrors.enumValue(checksum, "verify")),
                        Mirrors.intValue(checksum, "protocol"),
                        Checksum.IpVersion.valueOf(Mirrors.enumValue(checksum, "ipVersion")),
                        Mirrors.booleanValue(checksum, "zeroMeansNoneOverIpv4"),
                        Mirrors.booleanValue(checksum, "transmitZeroAsAllOnes"));

        return new FieldDeclaration(
                method,
                method.getSimpleName().toString(),
                kind,
                type,
                enumType,
                enumProblem,
                bits == null ? null : Mirrors.intValue(bits, "value"),
                bits,
                signed != null,
                signed,
                constant == null ? null : Mirrors.longValue(constant, "value"),
                constant,
                reserved != null,
                reserved,
                headerLength == null ? null : Mirrors.intValue(headerLength, "unit"),
                headerLength == null ? 0 : Mirrors.intValue(headerLength, "offset"),
                headerLength,
                totalLength == null ? null : Mirrors.booleanValue(totalLength, "includesHeader"),
                totalLength == null ? null : Mirrors.intValue(totalLength, "unit"),
                totalLength,
                checksumSpec,
                checksum,
                options == null ? null : Mirrors.typeValue(options, "value"),
                options,
                size == null ? null : Mirrors.intValue(size, "value"),
                size);
    }

    private static FieldKind classify(TypeElement layout, TypeMirror type) {
        switch (type.getKind()) {
            case INT:
                return FieldKind.INT;
            case LONG:
                return FieldKind.LONG;
            case BOOLEAN:
                return FieldKind.BOOLEAN;
            case ARRAY:
                return ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE
                        ? FieldKind.BYTES : FieldKind.UNSUPPORTED;
            case TYPEVAR:
                Element owner = ((javax.lang.model.type.TypeVariable) type).asElement().getEnclosingElement();
                return owner.equals(layout) ? FieldKind.ADDRESS : FieldKind.UNSUPPORTED;
            case DECLARED:
                String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
                switch (name) {
                    case "io.zerowire.link.MacAddress":
                        return FieldKind.MAC;
                    case "io.zerowire.ip.Ipv4Address":
                        return FieldKind.IPV4;
                    case "io.zerowire.ip.Ipv6Address":
                        return FieldKind.IPV6;
                    case "io.zerowire.options.OptionsIterator":
                        return FieldKind.OPTIONS;
                    case "java.util.List":
                        return FieldKind.REPEATED;
                    default:
                        return FieldKind.UNSUPPORTED;
                }
            default:
                return FieldKind.UNSUPPORTED;
        }
    }

    /** Small helpers over annotation mirrors, so the reader never loads annotation classes' values reflectively. */
    static final class Mirrors {
        private Mirrors() {}

        static AnnotationMirror find(Element element, String qualifiedName) {
            for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
                TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
                if (annotation.getQualifiedName().contentEquals(qualifiedName)) {
                    return mirror;
                }
            }
            return null;
        }

        static Object value(AnnotationMirror mirror, String name) {
            for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                    : mirror.getElementValues().entrySet()) {
                if (entry.getKey().getSimpleName().contentEquals(name)) {
                    return entry.getValue().getValue();
                }
            }
            for (ExecutableElement method : ElementFilter.methodsIn(mirror.getAnnotationType().asElement().getEnclosedElements())) {
                if (method.getSimpleName().contentEquals(name) && method.getDefaultValue() != null) {
                    return method.getDefaultValue().getValue();
                }
            }
            throw new IllegalArgumentException("no attribute " + name + " in " + mirror);
        }

        static String stringValue(AnnotationMirror mirror, String name) {
            return (String) value(mirror, name);
        }

        static int intValue(AnnotationMirror mirror, String name) {
            return ((Number) value(mirror, name)).intValue();
        }

        static long longValue(AnnotationMirror mirror, String name) {
            return ((Number) value(mirror, name)).longValue();
        }

        /** A {@code Class} attribute's type, or {@code null} when the class does not exist (javac reports it). */
        static TypeMirror typeValue(AnnotationMirror mirror, String name) {
            Object value = value(mirror, name);
            return value instanceof TypeMirror ? (TypeMirror) value : null;
        }

        static boolean booleanValue(AnnotationMirror mirror, String name) {
            return (Boolean) value(mirror, name);
        }

        static String enumValue(AnnotationMirror mirror, String name) {
            Object value = value(mirror, name);
            return value instanceof VariableElement
                    ? ((VariableElement) value).getSimpleName().toString()
                    : value.toString();
        }

        static boolean isInterface(Element element) {
            return element.getKind() == ElementKind.INTERFACE;
        }
    }
}
