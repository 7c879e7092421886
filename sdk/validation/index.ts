export { Problems, InputValidationError, MASKED } from "./problems";
export { SHAPES, ShapeName, ShapeConstraint, MODEL_SOURCE } from "./shapes";
export { checkShape, checkInput, checkInputList, checkWhenKnown, isKnown, typeMismatch, CheckOptions } from "./check";
export { checkVpcIds, VpcIds } from "./vpc";
export { AWS_TAG_RULES, checkAwsTags, checkTags } from "./tags";
