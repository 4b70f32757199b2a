package io.zerowire.processor;

import com.palantir.javapoet.ClassName;
import io.zerowire.annotations.Endian;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/**
 * What the source says about an {@code @OptionHeader} interface, read but not yet validated: the
 * option header's fields in order and the list's rules as written.
 */
record OptionHeaderDeclaration(
        TypeElement element,
        AnnotationMirror mirror,
        String packageName,
        ClassName formatClass,
        String name,
        Endian order,
        List<Field> fields,
        List<Integer> singleByteKinds,
        int endOfList,
        int valueAlignment,
        String padding,
        int pad1,
        int padN,
        int regionAlignment,
        int maxOptions) {

    /** One field of the option header; {@code bits} is {@code null} without {@code @Bits}. */
    record Field(
            ExecutableElement method,
            String name,
            TypeKind type,
            Integer bits,
            AnnotationMirror kindMirror,
            AnnotationMirror lengthMirror,
            int unit,
            String counts) {

        /** The field's width in bits: 1 for a boolean, else its {@code @Bits}, 0 if missing. */
        int width() {
            return type == TypeKind.BOOLEAN ? 1 : bits == null ? 0 : bits;
        }
    }
}
