package ai.openclaw.agent;

import java.util.List;

/**
 * The fields a client sets when creating or changing an agent; null means "not given" (on create: the default;
 * on update: unchanged).
 *
 * @param id a client-chosen id, or null to generate one (create only)
 * @param name the name
 * @param description the description
 * @param model the model reference
 * @param systemPrompt the system prompt
 * @param skills the skills
 * @param temperature the temperature
 * @param maxTokens the completion token limit
 * @param memoryEnabled whether memory is on
 * @param workspace the workspace folder
 */
public record AgentSpec(String id, String name, String description, String model, String systemPrompt,
                        List<AgentSkill> skills, Double temperature, Integer maxTokens, Boolean memoryEnabled,
                        String workspace) {
}
