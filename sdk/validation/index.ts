export { Problems, InputValidationError, MASKED } from "./problems";
export { SHAPES, ShapeName, ShapeConstraint, MODEL_SOURCE } from "./shapes";
export { checkShape, checkInput, checkInputList, checkWhenKnown, isKnown, CheckOptions } from "./check";
export { checkVpcIds, VpcIds } from "./vpc";
