package org.criticalminerals.exportcontrol;

import java.util.List;
import java.util.Map;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.exportcontrol.ExportControlService.ExportControlFilter;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ExportControlController {

    private final ExportControlService controls;

    ExportControlController(ExportControlService controls) {
        this.controls = controls;
    }

    @QueryMapping
    Map<String, Object> exportControl(@Argument String id) {
        return controls.exportControl(id).orElseThrow(() -> new NotFoundException("No export control with id " + id));
    }

    @QueryMapping(name = "exportControls")
    Connection exportControlList(@Argument ExportControlFilter filter, @Arguments PageRequest page) {
        return controls.exportControls(filter, page);
    }

    @BatchMapping(typeName = "ExportControl")
    Map<Map<String, Object>, Map<String, Object>> imposer(List<Map<String, Object>> parents) {
        return controls.imposer(parents);
    }

    @BatchMapping(typeName = "ExportControl")
    Map<Map<String, Object>, List<Map<String, Object>>> minerals(List<Map<String, Object>> parents) {
        return controls.minerals(parents);
    }
}
