package org.criticalminerals.policy;

import java.util.List;
import java.util.Map;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.policy.PolicyService.PolicyFilter;
import org.criticalminerals.policy.PolicyService.TargetFilter;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class PolicyController {

    private final PolicyService policies;

    PolicyController(PolicyService policies) {
        this.policies = policies;
    }

    @QueryMapping
    Map<String, Object> policy(@Argument String id) {
        return policies.policy(id).orElseThrow(() -> new NotFoundException("No policy with id " + id));
    }

    @QueryMapping
    Map<String, Object> target(@Argument String id) {
        return policies.target(id).orElseThrow(() -> new NotFoundException("No target with id " + id));
    }

    @QueryMapping(name = "policies")
    Connection policyList(@Argument PolicyFilter filter, @Arguments PageRequest page) {
        return policies.policies(filter, page);
    }

    @QueryMapping(name = "targets")
    Connection targetList(@Argument TargetFilter filter, @Arguments PageRequest page) {
        return policies.targets(filter, page);
    }

    @BatchMapping(typeName = "Policy")
    Map<Map<String, Object>, Map<String, Object>> issuer(List<Map<String, Object>> parents) {
        return policies.issuer(parents);
    }

    @BatchMapping(typeName = "Policy")
    Map<Map<String, Object>, List<Map<String, Object>>> designates(List<Map<String, Object>> parents) {
        return policies.designates(parents);
    }

    @BatchMapping(typeName = "Policy")
    Map<Map<String, Object>, List<Map<String, Object>>> minerals(List<Map<String, Object>> parents) {
        return policies.minerals(parents);
    }

    @BatchMapping(typeName = "Policy")
    Map<Map<String, Object>, Map<String, Object>> agreement(List<Map<String, Object>> parents) {
        return policies.agreement(parents);
    }

    @BatchMapping(typeName = "Policy")
    Map<Map<String, Object>, List<Map<String, Object>>> targets(List<Map<String, Object>> parents) {
        return policies.targets(parents);
    }

    @BatchMapping(typeName = "Target", field = "policy")
    Map<Map<String, Object>, Map<String, Object>> targetPolicy(List<Map<String, Object>> parents) {
        return policies.targetPolicy(parents);
    }

    @BatchMapping(typeName = "Target", field = "mineral")
    Map<Map<String, Object>, Map<String, Object>> targetMineral(List<Map<String, Object>> parents) {
        return policies.targetMineral(parents);
    }

    @BatchMapping(typeName = "Target", field = "country")
    Map<Map<String, Object>, Map<String, Object>> targetCountry(List<Map<String, Object>> parents) {
        return policies.targetCountry(parents);
    }
}
