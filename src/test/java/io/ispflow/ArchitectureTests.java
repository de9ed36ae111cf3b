package io.ispflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "io.ispflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule controllersAreNotPartOfAModulesApi = classes()
            .that().areAnnotatedWith(RestController.class)
            .should().notBePublic()
            .andShould().resideInAPackage("..web..");

    @ArchTest
    static final ArchRule settingsAreTypedPropertyRecords = fields()
            .should().notBeAnnotatedWith(Value.class)
            .because("settings are bound to one @ConfigurationProperties record per module");

    @ArchTest
    static final ArchRule sharedKernelHoldsNoBeans = noClasses()
            .that().resideInAPackage("io.ispflow.shared..").and().doNotHaveSimpleName("package-info")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule paymentPackagesAreFreeOfCycles = slices().matching("io.ispflow.(**)")
            .that(DescribedPredicate.describe("are payments or a part of it",
                    slice -> slice.getNamePart(1).matches("payments(\\..*)?")))
            .should().beFreeOfCycles()
            .because("a package that needs another which needs it back is one room with two doors");
}
