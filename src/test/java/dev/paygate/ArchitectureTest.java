package dev.paygate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.paygate.idempotency.boundary.Idempotent;
import dev.paygate.payments.control.PaymentLedger;
import dev.paygate.payments.control.PaymentTransitions;
import dev.paygate.payments.entity.Payment;
import dev.paygate.payments.entity.PaymentTransaction;
import dev.paygate.refunds.control.RefundTransitions;
import dev.paygate.refunds.entity.Refund;
import jakarta.ejb.Stateless;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The source layout is the component diagram: components depend one way, from refunds down to
 * platform and problems, and within a component boundary uses control, control uses entity.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.paygate.";
    private static final String[] BUSINESS = {
        ROOT + "access..",
        ROOT + "idempotency..",
        ROOT + "merchants..",
        ROOT + "payments..",
        ROOT + "refunds..",
        ROOT + "settlement..",
        ROOT + "events..",
        ROOT + "metrics.."
    };

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.paygate");

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching("dev.paygate.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void componentsDependOnlyOnThoseBelowThem() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("problems")
                .definedBy(ROOT + "problems..")
                .layer("platform")
                .definedBy(ROOT + "platform..")
                .layer("access")
                .definedBy(ROOT + "access..")
                .layer("idempotency")
                .definedBy(ROOT + "idempotency..")
                .layer("merchants")
                .definedBy(ROOT + "merchants..")
                .layer("payments")
                .definedBy(ROOT + "payments..")
                .layer("refunds")
                .definedBy(ROOT + "refunds..")
                .layer("settlement")
                .definedBy(ROOT + "settlement..")
                .layer("events")
                .definedBy(ROOT + "events..")
                .layer("metrics")
                .definedBy(ROOT + "metrics..")
                .whereLayer("metrics")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("events")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("settlement")
                .mayOnlyBeAccessedByLayers("events", "metrics")
                .whereLayer("refunds")
                .mayOnlyBeAccessedByLayers("settlement", "events", "metrics")
                .whereLayer("payments")
                .mayOnlyBeAccessedByLayers("refunds", "settlement", "events", "metrics")
                .whereLayer("merchants")
                .mayOnlyBeAccessedByLayers("payments", "refunds", "settlement", "events")
                .whereLayer("idempotency")
                .mayOnlyBeAccessedByLayers("merchants", "payments", "refunds", "settlement", "events")
                .whereLayer("access")
                .mayOnlyBeAccessedByLayers("idempotency", "merchants", "payments", "refunds", "settlement", "events")
                .whereLayer("platform")
                .mayOnlyBeAccessedByLayers(
                        "access", "idempotency", "merchants", "payments", "refunds", "settlement", "events")
                .check(CLASSES);
    }

    @Test
    void platformAndProblemsKnowNoBusinessComponent() {
        noClasses()
                .that()
                .resideInAnyPackage(ROOT + "platform..", ROOT + "problems..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(BUSINESS)
                .check(CLASSES);
    }

    @Test
    void entitiesDependOnNoBoundaryAndNoControl() {
        noClasses()
                .that()
                .resideInAPackage("..entity..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..boundary..", "..control..")
                .check(CLASSES);
    }

    @Test
    void controlDependsOnNoBoundaryAndNoJaxRs() {
        noClasses()
                .that()
                .resideInAPackage("..control..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..boundary..", "jakarta.ws.rs..")
                .check(CLASSES);
    }

    /** Each change records its transaction row and its event there, so none can be left out. */
    @Test
    void aPaymentChangesOnlyThroughPaymentTransitions() {
        noClasses()
                .that()
                .doNotBelongToAnyOf(PaymentTransitions.class, Payment.class)
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "a method that changes a Payment",
                        (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(Payment.class)
                                && call.getTarget().getRawReturnType().isEquivalentTo(PaymentTransaction.class)))
                .check(CLASSES);
    }

    @Test
    void aRefundChangesOnlyThroughRefundTransitions() {
        noClasses()
                .that()
                .doNotBelongToAnyOf(RefundTransitions.class, Refund.class)
                .should()
                .callMethod(Refund.class, "succeed", Instant.class)
                .check(CLASSES);
    }

    /** The enterprise-bean facade owns each business call's transaction: none is widened around it. */
    @Test
    void noTransactionsButTheFacades() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Transactional.class)
                .check(CLASSES);
    }

    /** An idempotency key's answer is stored inside the transaction of the facade method that changes things. */
    @Test
    void idempotentMethodsAreFacadeMethods() {
        methods()
                .that()
                .areAnnotatedWith(Idempotent.class)
                .should()
                .beDeclaredInClassesThat()
                .areAnnotatedWith(Stateless.class)
                .check(CLASSES);
    }

    @Test
    void refundsReachPaymentsThroughTheLedgerOnly() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + "refunds..")
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "payments' boundary or control other than " + PaymentLedger.class.getSimpleName(),
                        type -> (type.getPackageName().startsWith(ROOT + "payments.boundary")
                                        || type.getPackageName().startsWith(ROOT + "payments.control"))
                                && !type.isEquivalentTo(PaymentLedger.class)))
                .check(CLASSES);
    }
}
