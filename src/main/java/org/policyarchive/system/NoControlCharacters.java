package org.policyarchive.system;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jspecify.annotations.Nullable;

/**
 * A form field without control characters ({@link ControlCharacters}): a one-line field holds none, a multi-line one
 * may hold tabs and line ends. The form comes back with the field as typed and this message beside it.
 */
@Documented
@Constraint(validatedBy = NoControlCharacters.Check.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface NoControlCharacters {

    /** Whether the field is a text area, whose tabs and line ends belong to what was typed. */
    boolean multiLine() default false;

    String message() default "{text.control}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a field against the constraint. */
    class Check implements ConstraintValidator<NoControlCharacters, CharSequence> {

        private boolean multiLine;

        @Override
        public void initialize(NoControlCharacters constraint) {
            multiLine = constraint.multiLine();
        }

        @Override
        public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String text = value.toString();
            return multiLine ? !ControlCharacters.inText(text) : !ControlCharacters.inLine(text);
        }
    }
}
