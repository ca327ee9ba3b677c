package io.github.sqliteconsole.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import io.github.sqliteconsole.web.routing.Handler;
import org.junit.jupiter.api.Test;

/**
 * The package rules of DESIGN.md and STYLE.md, on the main classes of console-core and console-web.
 * Each rule names the fix in its reason, so a failure says what to do.
 */
class CodingRulesTest {

    private static final String ROOT = "io.github.sqliteconsole.core";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // In a full build console-core's tests arrive as its test jar (TestDatabases): tests are not main code.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.github.sqliteconsole.core", "io.github.sqliteconsole.web");

    @Test
    void theRulesSeeTheMainClassesOfBothModulesAndNoTests() {
        org.assertj.core.api.Assertions.assertThat(MAIN.contain("io.github.sqliteconsole.core.SqliteConsole")).isTrue();
        org.assertj.core.api.Assertions.assertThat(MAIN.contain("io.github.sqliteconsole.web.SqliteConsoleServlet")).isTrue();
        org.assertj.core.api.Assertions.assertThat(MAIN.contain("io.github.sqliteconsole.core.TestDatabases")).isFalse();
        org.assertj.core.api.Assertions.assertThat(MAIN.contain(CodingRulesTest.class.getName())).isFalse();
    }

    @Test
    void coreFeatureSlicesAreFreeOfCycles() {
        slices().matching("io.github.sqliteconsole.core.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void webSlicesAreFreeOfCycles() {
        slices().matching("io.github.sqliteconsole.web.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noFeaturePackageImportsTheRoot() {
        noClasses().that().resideInAPackage(ROOT + ".*..")
                .should().dependOnClassesThat().resideInAPackage(ROOT)
                .because("the root (SqliteConsole, ConsoleOptions) wires the features; a feature that needs a value takes it"
                        + " as a parameter or a settings record of its own package")
                .check(MAIN);
    }

    @Test
    void coreKnowsNoServletApi() {
        noClasses().that().resideInAPackage(ROOT + "..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "org.thymeleaf..")
                .because("console-core is plain Java and JDBC; the servlet lives in console-web")
                .check(MAIN);
    }

    @Test
    void mainCodeLogsThroughSystemLoggerOnly() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(MAIN);
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(MAIN);
    }

    /** A page is a handler of the pages package: it answers a request. Shared rendering lives in classes that are not. */
    private static final DescribedPredicate<JavaClass> PAGE = new DescribedPredicate<>("a page (a Handler in web.pages)") {
        @Override
        public boolean test(JavaClass javaClass) {
            return javaClass.getPackageName().equals("io.github.sqliteconsole.web.pages")
                    && javaClass.isAssignableTo(Handler.class) && !javaClass.isInterface();
        }
    };

    @Test
    void pagesDoNotCallPages() {
        classes().that(PAGE).should(new ArchCondition<>("not depend on another page") {
            @Override
            public void check(JavaClass page, ConditionEvents events) {
                for (Dependency dependency : page.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (PAGE.test(target) && !target.equals(page)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                + ": move what both need into a class that is not a page (as JobCards, HealthView)"));
                    }
                }
            }
        }).check(MAIN);
    }
}
