package io.ispflow.platform.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import io.ispflow.testing.IntegrationTest;

/**
 * Deployment from the top-level folders: unchanged files make no new versions, a changed file makes a
 * new version of its bundle only, and a form always travels with the process that references it.
 */
@IntegrationTest
class ModelFolderDeployerIntegrationTests {

    @Autowired
    RepositoryService repositoryService;

    @TempDir
    Path base;

    String processKey;
    String formId;
    String decisionKey;
    ModelFolderDeployer deployer;

    @BeforeEach
    void modelFolders() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        processKey = "probe" + suffix;
        formId = "probeForm" + suffix;
        decisionKey = "probeDecision" + suffix;
        Files.createDirectories(base.resolve("processes"));
        Files.createDirectories(base.resolve("forms"));
        Files.createDirectories(base.resolve("dmn"));
        writeProcess("Review the probe");
        writeForm("Probe reviewed?");
        writeDecision("\"yes\"");
        deployer = new ModelFolderDeployer(repositoryService, new ModelFolders(base, "processes", "dmn", "forms"));
    }

    @Test
    void firstStartDeploysEachProcessWithItsFormsAndEachDecision() {
        deployer.deployAll();

        var process = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).singleResult();
        assertThat(process.getVersion()).isEqualTo(1);
        assertThat(repositoryService.getDeploymentResourceNames(process.getDeploymentId()))
                .containsExactlyInAnyOrder("processes/" + processKey + ".bpmn", "forms/" + formId + ".form");
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).count())
                .isEqualTo(1);
    }

    @Test
    void unchangedFilesAreNotRedeployed() {
        deployer.deployAll();
        long deployments = repositoryService.createDeploymentQuery().count();

        assertThat(deployer.deployAll()).isEmpty();
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aChangedProcessBecomesANewVersionAndLeavesTheDecisionAlone() throws IOException {
        deployer.deployAll();
        writeProcess("Review the probe carefully");

        assertThat(deployer.deployAll()).hasSize(1);
        assertThat(latestProcessVersion()).isEqualTo(2);
        assertThat(latestDecisionVersion()).isEqualTo(1);
    }

    @Test
    void aChangedFormRedeploysTheProcessThatUsesIt() throws IOException {
        deployer.deployAll();
        writeForm("Has the probe been reviewed?");

        deployer.deployAll();

        var latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        assertThat(latest.getVersion()).isEqualTo(2);
        assertThat(repositoryService.getDeploymentResourceNames(latest.getDeploymentId()))
                .contains("forms/" + formId + ".form");
    }

    @Test
    void aChangedDecisionBecomesANewVersionOnItsOwn() throws IOException {
        deployer.deployAll();
        writeDecision("\"no\"");

        deployer.deployAll();

        assertThat(latestDecisionVersion()).isEqualTo(2);
        assertThat(latestProcessVersion()).isEqualTo(1);
    }

    @Test
    void aProcessReferringToAMissingFormFailsWithItsName() throws IOException {
        Files.delete(base.resolve("forms/" + formId + ".form"));
        assertThatThrownBy(deployer::deployAll)
                .hasMessageContaining("processes/" + processKey + ".bpmn")
                .hasMessageContaining(formId);
    }

    @Test
    void theRepositoryFoldersDeployedAtStartAreNotDeployedAgain() {
        var repository = new ModelFolderDeployer(repositoryService,
                new ModelFolders(Path.of("").toAbsolutePath(), "processes", "dmn", "forms"));

        assertThat(repository.deployAll()).isEmpty();
        assertThat(repositoryService.createDeploymentQuery().deploymentName("processes/client-onboarding.bpmn").count())
                .isEqualTo(1);
    }

    private int latestProcessVersion() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
                .singleResult().getVersion();
    }

    private int latestDecisionVersion() {
        return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).latestVersion()
                .singleResult().getVersion();
    }

    /** A process as Modeler writes it, without historyTimeToLive. */
    private void writeProcess(String taskName) throws IOException {
        Files.writeString(base.resolve("processes/" + processKey + ".bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://ispflow.io/test">
                  <bpmn:process id="%s" name="Probe" isExecutable="true">
                    <bpmn:startEvent id="Start" />
                    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
                    <bpmn:userTask id="Review" name="%s" camunda:formRef="%s" camunda:formRefBinding="deployment" />
                    <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End" />
                    <bpmn:endEvent id="End" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(processKey, taskName, formId));
    }

    private void writeForm(String label) throws IOException {
        Files.writeString(base.resolve("forms/" + formId + ".form"), """
                {"id": "%s", "type": "default", "schemaVersion": 16,
                 "components": [{"id": "Field_ok", "key": "ok", "label": "%s", "type": "checkbox"}]}
                """.formatted(formId, label));
    }

    private void writeDecision(String answer) throws IOException {
        Files.writeString(base.resolve("dmn/" + decisionKey + ".dmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="D" name="Probe" namespace="http://ispflow.io/test">
                  <decision id="%s" name="Probe decision">
                    <decisionTable id="T">
                      <input id="I" label="In"><inputExpression id="IE" typeRef="string"><text>x</text></inputExpression></input>
                      <output id="O" name="answer" typeRef="string" />
                      <rule id="R"><inputEntry id="RE"><text>-</text></inputEntry><outputEntry id="RO"><text>%s</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(decisionKey, answer));
    }
}
