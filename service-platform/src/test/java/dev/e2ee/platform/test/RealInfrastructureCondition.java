package dev.e2ee.platform.test;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Skips (or, in CI mode, fails) a {@link RealInfrastructure} test class whose infrastructure is unreachable. */
final class RealInfrastructureCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<RealInfrastructure> annotation = context.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, RealInfrastructure.class));
        if (annotation.isEmpty()) {
            return ConditionEvaluationResult.enabled("no @RealInfrastructure");
        }
        Optional<String> missing = TestInfrastructure.missing(annotation.get());
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("real infrastructure available");
        }
        String reason = "SKIPPED: " + missing.get();
        if (TestInfrastructure.ciMode()) {
            throw new IllegalStateException("CI mode (-De2ee.ci=true): " + missing.get());
        }
        System.err.println("\n*** " + context.getDisplayName() + " " + reason + " ***\n");
        return ConditionEvaluationResult.disabled(reason);
    }
}
