/* The built-in story, in place of Forum's scenario files: one scene without a decision whose
 * `next` is a scene with a decision of three options, each leading back to the first. */
#ifndef FCR_STORY_H
#define FCR_STORY_H

#define STORY_ID "bench"
#define STORY_TITLE "The bench story"
#define SESSION_ID "bench"
#define SESSION_TITLE "Bench"
#define SCENE_COUNT 2
#define SCENE_INTRO 0
#define SCENE_CHOICE 1
#define OPTION_COUNT 3
#define QUESTION "What should Sam do now?"

static const char *const scene_ids[SCENE_COUNT] = {"intro", "choice"};
static const char *const scene_texts[SCENE_COUNT] = {
    "Sam has been awake all night and the flat is quiet.",
    "Sam picks up the phone. Who should Sam call?",
};
static const char *const option_ids[OPTION_COUNT] = {"friend", "crisis", "wait"};
static const char *const option_labels[OPTION_COUNT] = {"A friend", "The crisis line", "Wait until morning"};

#endif
