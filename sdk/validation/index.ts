export { Problems, InputValidationError, MASKED } from "./problems";
export { SHAPES, ShapeName, ShapeConstraint, MODEL_SOURCE } from "./shapes";
export { checkShape, checkInput, isKnown, CheckOptions } from "./check";
export { checkVpcIds } from "./vpc";
