package io.phonectl.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of {@link ArchitectureTest}, built from the same tables, run over {@code io.phonectl.cli.archfixture}: a
 * tree that breaks each rule once. Each rule must report exactly what the fixture breaks, so a rule that could never
 * fail (a wrong package pattern, an empty import) fails here.
 */
class ArchitectureRulesCanFailTest {

    private static final String FIXTURE = "io.phonectl.cli.archfixture";
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURE);

    private static String report(ArchRule rule) {
        EvaluationResult result = rule.evaluate(CLASSES);
        assertThat(result.hasViolation()).as("%s reports a violation", rule.getDescription()).isTrue();
        return result.getFailureReport().toString();
    }

    @Test
    void aCycleBetweenSubPackagesAndOneThroughARootPackageAreBothReported() {
        String report = report(ArchitectureTest.packageCycles(FIXTURE, ArchitectureTest.CHECKED));
        assertThat(report)
                .contains("Slice " + FIXTURE + ".xsi.model").contains("Slice " + FIXTURE + ".xsi.uri")
                .contains("Slice " + FIXTURE + ".xapi ").contains("Slice " + FIXTURE + ".xapi.rpc");
    }

    @Test
    void onlyTheListedModulesAreCheckedForCycles() {
        EvaluationResult result = ArchitectureTest.packageCycles(FIXTURE, List.of("media", "sim")).evaluate(CLASSES);
        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }

    @Test
    void aModuleUsingAModuleAboveItIsReported() {
        assertThat(report(ArchitectureTest.moduleLayers(FIXTURE, true)))
                .contains(FIXTURE + ".xsi.RootFixture").contains(FIXTURE + ".client.ClientFixture")
                .doesNotContain("RingFixture"); // media -> xsi points down: allowed by the module layers
    }

    @Test
    void aProtocolModuleUsingMoreOfXsiThanItsNarrowListIsReported() {
        assertThat(report(ArchitectureTest.narrowUse(FIXTURE)))
                .contains(FIXTURE + ".media.ring.RingFixture").contains(FIXTURE + ".xsi.RootFixture");
    }

    @Test
    void packagesPointingUpTheirModulesLayersOrInNoLayerAreReported() {
        assertThat(report(ArchitectureTest.packageLayers(FIXTURE, ArchitectureTest.CHECKED, true)))
                // xsi.uri (values) uses xsi.model (catalog), a layer above it
                .contains(FIXTURE + ".xsi.uri.UriFixture")
                // the xapi root (base) uses xapi.rpc (codecs)
                .contains(FIXTURE + ".xapi.ErrorFixture")
                // sim.stray is in none of sim's layers
                .contains(FIXTURE + ".sim.stray.StrayFixture")
                // xsi.model -> xsi.uri points down: allowed
                .doesNotContain("CatalogFixture.uri");
    }
}
