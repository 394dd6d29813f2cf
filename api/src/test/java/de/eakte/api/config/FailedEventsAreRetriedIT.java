package de.eakte.api.config;

import de.eakte.api.support.PostgresApiTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No read model skips an event its handler failed on: every tracking processor propagates a
 * handler's failure, so the batch rolls back and is retried, instead of Axon's default of logging
 * it and moving on (an access entry missing from the DPO's log for good).
 */
class FailedEventsAreRetriedIT extends PostgresApiTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void everyTrackingProcessorPropagatesAHandlersFailure() {
        List<String> processors = processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof TrackingEventProcessor).map(Map.Entry::getKey).toList();

        assertThat(processors).contains("consolidated-file", "search", "citizen-access-log", "dpo-access-log");
        for (String name : processors) {
            assertThat(processing.listenerInvocationErrorHandler(name)).as(name).isSameAs(PropagatingErrorHandler.instance());
            assertThat(processing.errorHandler(name)).as(name).isSameAs(PropagatingErrorHandler.instance());
        }
    }
}
