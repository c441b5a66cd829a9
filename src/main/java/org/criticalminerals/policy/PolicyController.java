package org.criticalminerals.policy;

import java.util.List;
import java.util.Map;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.policy.PolicyService.PolicyFilter;
import org.criticalminerals.policy.PolicyService.TargetFilter;
import org.criticalminerals.model.Agreement;
import org.criticalminerals.model.Country;
import org.criticalminerals.model.Mineral;
import org.criticalminerals.model.PartyEntity;
import org.criticalminerals.model.Policy;
import org.criticalminerals.model.Target;
import org.jspecify.annotations.Nullable;
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
    Policy policy(@Argument String id) {
        return policies.policy(id).orElseThrow(() -> new NotFoundException("No policy with id " + id));
    }

    @QueryMapping
    Target target(@Argument String id) {
        return policies.target(id).orElseThrow(() -> new NotFoundException("No target with id " + id));
    }

    @QueryMapping(name = "policies")
    Connection<Policy> policyList(@Argument @Nullable PolicyFilter filter, @Arguments PageRequest page) {
        return policies.policies(filter, page);
    }

    @QueryMapping(name = "targets")
    Connection<Target> targetList(@Argument @Nullable TargetFilter filter, @Arguments PageRequest page) {
        return policies.targets(filter, page);
    }

    @BatchMapping(typeName = "Policy")
    Map<Policy, PartyEntity> issuer(List<Policy> parents) {
        return policies.issuer(parents);
    }

    @BatchMapping(typeName = "Policy")
    Map<Policy, List<Mineral>> designates(List<Policy> parents) {
        return policies.designates(parents);
    }

    @BatchMapping(typeName = "Policy")
    Map<Policy, List<Mineral>> minerals(List<Policy> parents) {
        return policies.minerals(parents);
    }

    @BatchMapping(typeName = "Policy")
    Map<Policy, Agreement> agreement(List<Policy> parents) {
        return policies.agreement(parents);
    }

    @BatchMapping(typeName = "Policy")
    Map<Policy, List<Target>> targets(List<Policy> parents) {
        return policies.targets(parents);
    }

    @BatchMapping(typeName = "Target", field = "policy")
    Map<Target, Policy> targetPolicy(List<Target> parents) {
        return policies.targetPolicy(parents);
    }

    @BatchMapping(typeName = "Target", field = "mineral")
    Map<Target, Mineral> targetMineral(List<Target> parents) {
        return policies.targetMineral(parents);
    }

    @BatchMapping(typeName = "Target", field = "country")
    Map<Target, Country> targetCountry(List<Target> parents) {
        return policies.targetCountry(parents);
    }
}
