package io.zerowire.processor;

import io.zerowire.annotations.Endian;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;

/** What the source says about one layout, read but not yet validated. */
record LayoutDeclaration(
        TypeElement element,
        AnnotationMirror headerMirror,
        String packageName,
        String viewName,
        String layer,
        Endian endian,
        int minBodyLength,
        List<? extends TypeParameterElement> typeParameters,
        List<FieldDeclaration> fields) {

    boolean generic() {
        return !typeParameters.isEmpty();
    }

    /** The field named {@code name}, or null: what a feature that names another field looks it up by. */
    FieldDeclaration field(String name) {
        for (FieldDeclaration field : fields) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        return null;
    }
}
