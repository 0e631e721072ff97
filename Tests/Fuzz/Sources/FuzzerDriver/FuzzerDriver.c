// Only the declaration in include/FuzzerDriver.h is needed; SwiftPM wants a source file.
#include "FuzzerDriver.h"
