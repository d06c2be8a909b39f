#include "compiler/driver/driver.h"

int main(int argc, char** argv) { return pyxc::driver::runDriver(argc, argv); }
