package org.criticalminerals.exportcontrol;

import java.util.List;
import java.util.Map;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.exportcontrol.ExportControlService.ExportControlFilter;
import org.criticalminerals.model.Country;
import org.criticalminerals.model.ExportControl;
import org.criticalminerals.model.Mineral;
import org.jspecify.annotations.Nullable;
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
    ExportControl exportControl(@Argument String id) {
        return controls.exportControl(id).orElseThrow(() -> new NotFoundException("No export control with id " + id));
    }

    @QueryMapping(name = "exportControls")
    Connection<ExportControl> exportControlList(@Argument @Nullable ExportControlFilter filter, @Arguments PageRequest page) {
        return controls.exportControls(filter, page);
    }

    @BatchMapping(typeName = "ExportControl")
    Map<ExportControl, Country> imposer(List<ExportControl> parents) {
        return controls.imposer(parents);
    }

    @BatchMapping(typeName = "ExportControl")
    Map<ExportControl, List<Mineral>> minerals(List<ExportControl> parents) {
        return controls.minerals(parents);
    }
}
