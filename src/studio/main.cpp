// tempest-studio: all of the application lives in the tempest_studio library.
#include "studio/studio_app.h"

int main(int argc, char** argv) { return tempest::studio::runStudio(argc, argv); }
