package dev.cimanager.app.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cimanager.app.pipelines.InvalidPipelineException;
import dev.cimanager.app.pipelines.PipelineProblem;
import dev.cimanager.app.triggers.InvalidTriggerException;
import dev.cimanager.contracts.pipelines.InvalidPipelineResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pipelines and triggers answer their YAML problems in one shape, each with its own code. */
class InvalidYamlExceptionMapperTest {
  private final InvalidYamlExceptionMapper mapper = new InvalidYamlExceptionMapper();
  private final List<PipelineProblem> problems =
      List.of(new PipelineProblem("pipeline.name", "is required"));

  @Test
  void anInvalidPipeline_is400InvalidPipelineWithEveryProblem() {
    var response = mapper.toResponse(new InvalidPipelineException(problems));

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getEntity())
        .isEqualTo(
            new InvalidPipelineResponse(
                "INVALID_PIPELINE",
                "The pipeline YAML has 1 problem: pipeline.name: is required",
                List.of(new InvalidPipelineResponse.Problem("pipeline.name", "is required"))));
  }

  @Test
  void anInvalidTrigger_is400InvalidTrigger() {
    var response = mapper.toResponse(new InvalidTriggerException(problems));

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(((InvalidPipelineResponse) response.getEntity()).code())
        .isEqualTo("INVALID_TRIGGER");
    assertThat(((InvalidPipelineResponse) response.getEntity()).message())
        .startsWith("The trigger YAML has 1 problem: ");
  }
}
