package io.zerowire.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one way the processor reports problems: every error is attached to the element at fault
 * and, when an annotation is to blame, to that annotation, so IDEs underline the right thing.
 */
final class Reporter {
    private final Messager messager;
    private int errors;

    Reporter(Messager messager) {
        this.messager = messager;
    }

    void error(Element element, Message message, Object... args) {
        errors++;
        messager.printMessage(Diagnostic.Kind.ERROR, message.format(args), element);
    }

    void error(Element element, AnnotationMirror annotation, Message message, Object... args) {
        if (annotation == null) {
            error(element, message, args);
            return;
        }
        errors++;
        messager.printMessage(Diagnostic.Kind.ERROR, message.format(args), element, annotation);
    }

    /** Reports an unexpected failure of the processor itself, rather than letting it escape {@code process}. */
    void internalError(Element element, Throwable failure) {
        errors++;
        messager.printMessage(Diagnostic.Kind.ERROR,
                "internal error in the Zerowire layout processor (please report it): " + failure, element);
    }

    int errorCount() {
        return errors;
    }
}
