package io.zerowire.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * A repeated group ({@code @Repeated}) laid out: what its elements are, how many bytes each takes,
 * and what ends the list (a count field, or a flag of the element). Elements are fixed-size, so the
 * view finds element {@code i} at {@code FIXED_LENGTH + i * elementSize} without remembering offsets.
 */
record RepeatedGroup(
        FieldDeclaration declaration,
        Kind elementKind,
        int elementSize,
        ClassName elementLayout,
        FieldModel count,
        int countOffset,
        String until,
        int max) {

    /** What the elements are. */
    enum Kind {
        IPV4,
        IPV6,
        /** Another {@code @Header} layout of fixed size, read through its generated view. */
        LAYOUT
    }

    static final String ANNOTATION = "io.zerowire.annotations.Repeated";

    /** The group of a valid declaration; {@code fixed} holds the layout's fixed fields, the count field among them. */
    static RepeatedGroup of(FieldDeclaration field, List<FieldModel> fixed) {
        AnnotationMirror mirror = field.repeatedMirror();
        String countName = LayoutReader.Mirrors.stringValue(mirror, "count");
        FieldModel count = fixed.stream().filter(f -> f.name().equals(countName)).findFirst().orElse(null);
        TypeElement element = elementType(field.type());
        Kind kind = elementKind(element);
        int size;
        switch (kind) {
            case IPV4:
                size = 4;
                break;
            case IPV6:
                size = 16;
                break;
            default:
                size = layoutBits(element) / 8;
                break;
        }
        String until = LayoutReader.Mirrors.stringValue(mirror, "until");
        return new RepeatedGroup(field, kind, size, ClassName.get(element), count,
                LayoutReader.Mirrors.intValue(mirror, "countOffset"), until.isEmpty() ? null : until,
                LayoutReader.Mirrors.intValue(mirror, "max"));
    }

    /** The type argument of a {@code List<E>}, or {@code null} when there is none or it is not a class or interface. */
    static TypeElement elementType(TypeMirror list) {
        if (list.getKind() != TypeKind.DECLARED) {
            return null;
        }
        List<? extends TypeMirror> arguments = ((DeclaredType) list).getTypeArguments();
        if (arguments.size() != 1 || arguments.get(0).getKind() != TypeKind.DECLARED) {
            return null;
        }
        return (TypeElement) ((DeclaredType) arguments.get(0)).asElement();
    }

    /** What an element type is, or {@code null} when a group cannot hold it. */
    static Kind elementKind(TypeElement element) {
        if (element == null) {
            return null;
        }
        String name = element.getQualifiedName().toString();
        if (name.equals("io.zerowire.ip.Ipv4Address")) {
            return Kind.IPV4;
        }
        if (name.equals("io.zerowire.ip.Ipv6Address")) {
            return Kind.IPV6;
        }
        return headerOf(element) != null ? Kind.LAYOUT : null;
    }

    static AnnotationMirror headerOf(TypeElement element) {
        return LayoutReader.Mirrors.find(element, "io.zerowire.annotations.Header");
    }

    /** The bits of an element layout's fields. */
    static int layoutBits(TypeElement element) {
        int bits = 0;
        for (FieldDeclaration field : LayoutReader.readFields(element)) {
            bits += LayoutModel.width(field, Specialization.NONE);
        }
        return bits;
    }

    String name() {
        return declaration.name();
    }

    /** The type the layout declares: {@code List<E>}. */
    TypeName listType() {
        return ParameterizedTypeName.get(ClassName.get(List.class), elementType());
    }

    /** The element type as the layout names it. */
    TypeName elementType() {
        switch (elementKind) {
            case IPV4:
                return RuntimeTypes.IPV4_ADDRESS;
            case IPV6:
                return RuntimeTypes.IPV6_ADDRESS;
            default:
                return elementLayout;
        }
    }

    /** The generated view of a nested element layout. */
    ClassName elementView() {
        TypeElement element = elementTypeElement();
        return ClassName.get(packageOf(element), LayoutReader.viewName(element, headerOf(element)));
    }

    /** The generated builder of a nested element layout. */
    ClassName elementBuilder() {
        ClassName view = elementView();
        return ClassName.get(view.packageName(), view.simpleName() + "Builder");
    }

    private TypeElement elementTypeElement() {
        return elementType(declaration.type());
    }

    private static String packageOf(javax.lang.model.element.Element element) {
        javax.lang.model.element.Element e = element;
        while (!(e instanceof PackageElement)) {
            e = e.getEnclosingElement();
        }
        return ((PackageElement) e).getQualifiedName().toString();
    }
}
